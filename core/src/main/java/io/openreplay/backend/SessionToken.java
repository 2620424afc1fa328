package io.openreplay.backend;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenReplay session token, or a bare numeric session id, as read from an untrusted request header.
 *
 * <p>A header value is accepted only when it is 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]};
 * anything else is rejected by {@link #parse(CharSequence)} without an exception. That rule alone keeps a header
 * from forging log lines, breaking JSON or carrying markup into a provider's UI.
 *
 * <p>OpenReplay's server makes a token as {@code base36(sessionId) "." base36(delayMs) "." base36(expiryMs) "."
 * base58(signature)} (three parts before OpenReplay 1.9). When a value has that shape, the numeric session id is
 * derived from its first part, so one header serves OpenReplay G1 (which looks up the token) and G2 (which looks
 * up the session id). A value made only of digits is taken as a bare session id (the G2 header's form). Any other
 * accepted value is kept as an opaque token without a session id.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SessionToken {

  /** The longest header value accepted. */
  public static final int MAX_LENGTH = 256;

  /** Name under which OpenReplay G1 (up to 1.20) looks up the token. */
  public static final String TOKEN_KEY = "openReplaySessionToken";

  /** Name under which OpenReplay G2 (1.21 and later) looks up the numeric session id. */
  public static final String SESSION_ID_KEY = "openReplaySession.id";

  /** The characters of {@code [A-Za-z0-9._-]}, by code. */
  private static final boolean[] TOKEN_CHARS = new boolean[128];

  static {
    for (char c = 0; c < TOKEN_CHARS.length; c++) {
      TOKEN_CHARS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == '-';
    }
  }

  /** The tokens of the values parsed last: the requests of one session carry the same value. */
  private static final RecentTokens RECENT = new RecentTokens();

  private final String token;
  private final String sessionId;
  /** {@link MessagePrefix}'s text of this token, by {@link Generations#ordinal()}, made on first use. */
  final String[] prefixes = new String[Generations.values().length];

  private SessionToken(String token, String sessionId) {
    this.token = token;
    this.sessionId = sessionId;
  }

  /**
   * Parses an untrusted header value.
   *
   * @param value the raw value, possibly {@code null}, empty or hostile
   * @return the token, or empty when the value is not acceptable; never throws
   */
  public static Optional<SessionToken> parse(CharSequence value) {
    return Optional.ofNullable(parseOrNull(value));
  }

  /**
   * Like {@link #parse(CharSequence)}, without the {@link Optional}: for hot paths.
   *
   * @param value the raw value, possibly {@code null}
   * @return the token, or {@code null} when the value is not acceptable
   */
  public static SessionToken parseOrNull(CharSequence value) {
    if (value == null) {
      return null;
    }
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) {
      return null;
    }
    SessionToken recent = RECENT.find(value);
    if (recent != null) {
      return recent;
    }
    SessionToken parsed = parseNew(value, length);
    if (parsed != null) {
      RECENT.keep(parsed.token != null ? parsed.token : value.toString(), parsed);
    }
    return parsed;
  }

  private static SessionToken parseNew(CharSequence value, int length) {
    // One pass: the character rule, and the shape of OpenReplay's token (its dots) on the way.
    boolean digitsOnly = true;
    boolean emptyPart = false;
    int dots = 0;
    int firstDot = -1;
    int lastDot = -1;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= TOKEN_CHARS.length || !TOKEN_CHARS[c]) {
        return null;
      }
      if (c < '0' || c > '9') {
        digitsOnly = false;
        if (c == '.') {
          emptyPart |= i == lastDot + 1;
          firstDot = dots == 0 ? i : firstDot;
          lastDot = i;
          dots++;
        }
      }
    }
    String text = value.toString();
    if (digitsOnly) {
      String bareId = bareSessionId(text);
      if (bareId != null) {
        return new SessionToken(null, bareId);
      }
      return new SessionToken(text, null);
    }
    boolean tokenShape = (dots == 2 || dots == 3) && !emptyPart && lastDot != length - 1;
    return new SessionToken(text, tokenShape ? sessionIdOfFirstPart(text, firstDot) : null);
  }

  /**
   * Builds a token from values that have already been validated elsewhere (for instance a log event's MDC).
   *
   * @param token the token, or {@code null}
   * @param sessionId the decimal session id, or {@code null}
   * @return the token, or {@code null} when neither value is acceptable
   */
  public static SessionToken ofParts(String token, String sessionId) {
    SessionToken parsedToken = parseOrNull(token);
    String acceptedToken = parsedToken == null ? null : parsedToken.token;
    if (acceptedToken != null && (sessionId == null || sessionId.equals(parsedToken.sessionId))) {
      return parsedToken;
    }
    String acceptedId = sessionId == null ? null : bareSessionId(sessionId);
    if (acceptedId == null && acceptedToken != null) {
      acceptedId = parsedToken.sessionId;
    }
    if (acceptedToken == null && acceptedId == null) {
      return null;
    }
    return new SessionToken(acceptedToken, acceptedId);
  }

  /**
   * The token a map of keys to values carries under {@value #TOKEN_KEY} and {@value #SESSION_ID_KEY} (a log event's
   * MDC map, an item's custom data), validated again: such a map is writable by any code.
   *
   * @param keys the map, possibly {@code null}
   * @return the token, or {@code null} when the map carries none (or only invalid values)
   */
  public static SessionToken fromKeys(Map<String, String> keys) {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    String token = keys.get(TOKEN_KEY);
    String sessionId = keys.get(SESSION_ID_KEY);
    if (token == null && sessionId == null) {
      return null;
    }
    return ofParts(token, sessionId);
  }

  /**
   * Whether a value is made of 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}.
   *
   * @param value the value, possibly {@code null}
   * @return {@code true} when the contract accepts it
   */
  public static boolean isAcceptable(CharSequence value) {
    if (value == null) {
      return false;
    }
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= TOKEN_CHARS.length || !TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /** The decimal form of a value made only of digits that fits an unsigned 64-bit id, else null. */
  private static String bareSessionId(String text) {
    int length = text.length();
    if (length > 20) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.toUnsignedString(Long.parseUnsignedLong(text));
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /** The session id in the first part of a token of OpenReplay's shape (base 36 digits), else null. */
  private static String sessionIdOfFirstPart(String token, int firstDot) {
    for (int i = 0; i < firstDot; i++) {
      if (Character.digit(token.charAt(i), 36) < 0) {
        return null;
      }
    }
    try {
      return Long.toUnsignedString(Long.parseUnsignedLong(token, 0, firstDot, 36));
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /**
   * The token, for OpenReplay G1.
   *
   * @return the token, or {@code null} when only a bare session id was received
   */
  public String token() {
    return token;
  }

  /**
   * The numeric session id in decimal, for OpenReplay G2.
   *
   * @return the session id, or {@code null} when the token does not have OpenReplay's shape
   */
  public String sessionId() {
    return sessionId;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SessionToken)) {
      return false;
    }
    SessionToken that = (SessionToken) other;
    return Objects.equals(token, that.token) && Objects.equals(sessionId, that.sessionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, sessionId);
  }

  @Override
  public String toString() {
    return "SessionToken[token=" + token + ", sessionId=" + sessionId + "]";
  }
}
