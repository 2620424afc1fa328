package io.openreplay.backend.agent.bootstrap;

/**
 * An OpenReplay session token or bare session id read from an untrusted header, with the contract's rule: 1 to
 * {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}; the session id is the first part, read as unsigned
 * base 36, of a token with 3 or 4 non-empty dot-separated parts; a value made only of digits is a bare session id.
 *
 * <p>The same rule as {@code io.openreplay.backend.SessionToken} of the filter module, which the tests check
 * against; it is repeated here because this class must live in the bootstrap class loader, which sees no
 * application class. Instances are immutable.
 */
public final class OpenReplayToken {

  /** The longest header value accepted. */
  public static final int MAX_LENGTH = 256;

  /** The name under which OpenReplay G1 looks up the token. */
  public static final String TOKEN_KEY = "openReplaySessionToken";

  /** The name under which OpenReplay G2 looks up the numeric session id. */
  public static final String SESSION_ID_KEY = "openReplaySession.id";

  private final String token;
  private final String sessionId;

  private OpenReplayToken(String token, String sessionId) {
    this.token = token;
    this.sessionId = sessionId;
  }

  /**
   * Reads an untrusted header value.
   *
   * @param value the raw value, possibly {@code null} or hostile
   * @return the token, or {@code null} when the contract does not accept the value; never throws
   */
  public static OpenReplayToken parse(CharSequence value) {
    if (!isAcceptable(value)) {
      return null;
    }
    String text = value.toString();
    String bareId = bareSessionId(text);
    if (bareId != null) {
      return new OpenReplayToken(null, bareId);
    }
    return new OpenReplayToken(text, sessionIdOfToken(text));
  }

  /**
   * Rebuilds a token from the two values a log event's MDC map carries, validating both again.
   *
   * @param token the token value, possibly {@code null}
   * @param sessionId the session id value, possibly {@code null}
   * @return the token, or {@code null} when neither value is acceptable
   */
  public static OpenReplayToken ofParts(String token, String sessionId) {
    String acceptedToken = isAcceptable(token) && bareSessionId(token) == null ? token : null;
    String acceptedId = sessionId == null ? null : bareSessionId(sessionId);
    if (acceptedId == null && acceptedToken != null) {
      acceptedId = sessionIdOfToken(acceptedToken);
    }
    if (acceptedToken == null && acceptedId == null) {
      return null;
    }
    return new OpenReplayToken(acceptedToken, acceptedId);
  }

  /**
   * Whether the contract accepts a header value.
   *
   * @param value the value, possibly {@code null}
   * @return {@code true} for 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}
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
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static String bareSessionId(String text) {
    if (text == null || text.isEmpty() || text.length() > 20) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
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

  private static String sessionIdOfToken(String token) {
    int parts = 1;
    int firstDot = -1;
    int previousDot = -1;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        if (i == previousDot + 1) {
          return null;
        }
        if (firstDot < 0) {
          firstDot = i;
        }
        previousDot = i;
        parts++;
      }
    }
    if (parts < 3 || parts > 4 || previousDot == token.length() - 1) {
      return null;
    }
    for (int i = 0; i < firstDot; i++) {
      if (Character.digit(token.charAt(i), 36) < 0) {
        return null;
      }
    }
    try {
      return Long.toUnsignedString(Long.parseUnsignedLong(token.substring(0, firstDot), 36));
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
  public String toString() {
    return "OpenReplayToken[token=" + token + ", sessionId=" + sessionId + "]";
  }
}
