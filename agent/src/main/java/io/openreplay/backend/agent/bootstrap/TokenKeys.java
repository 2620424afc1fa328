package io.openreplay.backend.agent.bootstrap;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a token into what a provider reads: a map of key/value pairs (a log event's MDC, a Rollbar item's custom
 * data) and a message prefix, with the keys of the generations the agent serves.
 */
public final class TokenKeys {

  private static final String TOKEN_PREFIX = "[" + OpenReplayToken.TOKEN_KEY + "=";
  private static final String SESSION_ID_PREFIX = "[" + OpenReplayToken.SESSION_ID_KEY + "=";

  private TokenKeys() {
  }

  /**
   * The token's value under {@code key}, when the agent writes that key.
   *
   * @param token the token
   * @param key {@link OpenReplayToken#TOKEN_KEY} or {@link OpenReplayToken#SESSION_ID_KEY}
   * @return the value, or {@code null} when the key is not written for this token
   */
  public static String valueOf(OpenReplayToken token, String key) {
    if (OpenReplayToken.TOKEN_KEY.equals(key)) {
      return AgentSettings.writeToken() ? token.token() : null;
    }
    if (OpenReplayToken.SESSION_ID_KEY.equals(key)) {
      return AgentSettings.writeSessionId() ? token.sessionId() : null;
    }
    return null;
  }

  /**
   * A log event's MDC map with the token's keys added.
   *
   * @param mdc the event's map, possibly {@code null}
   * @param token the token
   * @return an unmodifiable copy with the keys; {@code mdc} itself when it already holds them
   */
  public static Map<String, String> withKeys(Map<String, String> mdc, OpenReplayToken token) {
    String tokenValue = valueOf(token, OpenReplayToken.TOKEN_KEY);
    String idValue = valueOf(token, OpenReplayToken.SESSION_ID_KEY);
    if (mdc != null && holds(mdc, OpenReplayToken.TOKEN_KEY, tokenValue)
        && holds(mdc, OpenReplayToken.SESSION_ID_KEY, idValue)) {
      return mdc;
    }
    Map<String, String> copy = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
    if (tokenValue != null) {
      copy.put(OpenReplayToken.TOKEN_KEY, tokenValue);
    }
    if (idValue != null) {
      copy.put(OpenReplayToken.SESSION_ID_KEY, idValue);
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Custom data of an error report (a Rollbar item's {@code data.custom}) with the token's keys added.
   *
   * @param custom the caller's data, possibly {@code null}; it is not changed
   * @param token the token
   * @return a new modifiable map with the caller's entries and the keys
   */
  public static Map<String, Object> withKeysAsObjects(Map<String, Object> custom, OpenReplayToken token) {
    Map<String, Object> copy = custom == null ? new HashMap<>() : new HashMap<>(custom);
    String tokenValue = valueOf(token, OpenReplayToken.TOKEN_KEY);
    String idValue = valueOf(token, OpenReplayToken.SESSION_ID_KEY);
    if (tokenValue != null) {
      copy.put(OpenReplayToken.TOKEN_KEY, tokenValue);
    }
    if (idValue != null) {
      copy.put(OpenReplayToken.SESSION_ID_KEY, idValue);
    }
    return copy;
  }

  /**
   * The token a log event's MDC map carries, validated again (any code can write an MDC).
   *
   * @param mdc the map, possibly {@code null}
   * @return the token, or {@code null}
   */
  public static OpenReplayToken fromMap(Map<String, String> mdc) {
    if (mdc == null || mdc.isEmpty()) {
      return null;
    }
    String token = mdc.get(OpenReplayToken.TOKEN_KEY);
    String sessionId = mdc.get(OpenReplayToken.SESSION_ID_KEY);
    if (token == null && sessionId == null) {
      return null;
    }
    return OpenReplayToken.ofParts(token, sessionId);
  }

  /**
   * The message with {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] } in front, for the
   * generations served. A message that already starts with such a prefix is returned unchanged.
   *
   * @param message the raw message, possibly {@code null}
   * @param token the token
   * @return the prefixed message
   */
  public static String prefixed(String message, OpenReplayToken token) {
    if (message != null && (message.startsWith(TOKEN_PREFIX) || message.startsWith(SESSION_ID_PREFIX))) {
      return message;
    }
    StringBuilder out = new StringBuilder(112 + (message == null ? 4 : message.length()));
    String tokenValue = valueOf(token, OpenReplayToken.TOKEN_KEY);
    String idValue = valueOf(token, OpenReplayToken.SESSION_ID_KEY);
    if (tokenValue != null) {
      out.append(TOKEN_PREFIX).append(tokenValue).append("] ");
    }
    if (idValue != null) {
      out.append(SESSION_ID_PREFIX).append(idValue).append("] ");
    }
    if (out.length() == 0) {
      return message;
    }
    return out.append(message).toString();
  }

  /**
   * The prefix alone, {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] }, for the generations served.
   *
   * @param token the token
   * @return the prefix, empty when no generation's key is written for this token
   */
  public static String prefix(OpenReplayToken token) {
    return prefixed("", token);
  }

  private static boolean holds(Map<String, String> map, String key, String value) {
    return value == null || value.equals(map.get(key));
  }
}
