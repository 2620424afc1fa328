package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.MessagePrefix;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.SessionUrl;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a token into what a provider reads: a map of key/value pairs (a log event's MDC, a Rollbar item's custom
 * data) and a message prefix ({@link MessagePrefix}), with the keys of the generations the agent serves.
 */
public final class TokenKeys {

  private TokenKeys() {
  }

  /**
   * The token's value under {@code key}, when the agent writes that key.
   *
   * @param token the token
   * @param key {@link SessionToken#TOKEN_KEY} or {@link SessionToken#SESSION_ID_KEY}
   * @return the value, or {@code null} when the key is not written for this token
   */
  public static String valueOf(SessionToken token, String key) {
    if (SessionToken.TOKEN_KEY.equals(key)) {
      return AgentSettings.generations().token() ? token.token() : null;
    }
    if (SessionToken.SESSION_ID_KEY.equals(key)) {
      return AgentSettings.generations().sessionId() ? token.sessionId() : null;
    }
    return null;
  }

  /**
   * A log event's MDC map whose keys describe {@code token}: the keys the agent writes get the token's values, and a
   * key it does not write is kept only when it already holds the token's own value (written by the library's
   * context, say), never a value of another token.
   *
   * @param mdc the event's map, possibly {@code null}
   * @param token the token
   * @return an unmodifiable copy with the keys; {@code mdc} itself when it describes the token already
   */
  public static Map<String, String> withKeys(Map<String, String> mdc, SessionToken token) {
    String tokenValue = valueOf(token, SessionToken.TOKEN_KEY);
    String idValue = valueOf(token, SessionToken.SESSION_ID_KEY);
    Map<String, String> source = mdc == null ? Collections.<String, String>emptyMap() : mdc;
    boolean tokenKept = describes(source, SessionToken.TOKEN_KEY, tokenValue, token.token());
    boolean idKept = describes(source, SessionToken.SESSION_ID_KEY, idValue, token.sessionId());
    if (mdc != null && tokenKept && idKept) {
      return mdc;
    }
    Map<String, String> copy = new HashMap<>(source);
    if (!tokenKept) {
      putOrRemove(copy, SessionToken.TOKEN_KEY, tokenValue);
    }
    if (!idKept) {
      putOrRemove(copy, SessionToken.SESSION_ID_KEY, idValue);
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The keys the agent writes for {@code token} and their values, for tags (a Sentry event's).
   *
   * @param token the token
   * @return {@code {key, value, key, value}} for the keys written, in this order: {@link SessionToken#TOKEN_KEY},
   *     {@link SessionToken#SESSION_ID_KEY}; empty when none is written
   */
  public static String[] keysAndValues(SessionToken token) {
    String tokenValue = valueOf(token, SessionToken.TOKEN_KEY);
    String idValue = valueOf(token, SessionToken.SESSION_ID_KEY);
    if (tokenValue == null) {
      return idValue == null ? new String[0] : new String[] {SessionToken.SESSION_ID_KEY, idValue};
    }
    return idValue == null ? new String[] {SessionToken.TOKEN_KEY, tokenValue}
        : new String[] {SessionToken.TOKEN_KEY, tokenValue, SessionToken.SESSION_ID_KEY, idValue};
  }

  /**
   * The tags the agent puts on a Sentry event for {@code token}: {@link #keysAndValues(SessionToken)}, then
   * {@link SessionUrl#TAG} with the link to the session's replay when OpenReplay's URL and project id are configured.
   *
   * @param token the token
   * @return {@code {key, value, ...}}
   */
  public static String[] sentryTags(SessionToken token) {
    String[] keys = keysAndValues(token);
    String link = SessionUrl.configured().of(token);
    if (link == null) {
      return keys;
    }
    String[] tags = Arrays.copyOf(keys, keys.length + 2);
    tags[keys.length] = SessionUrl.TAG;
    tags[keys.length + 1] = link;
    return tags;
  }

  /**
   * Custom data of an error report (a Rollbar item's {@code data.custom}) with the token's keys added.
   *
   * @param custom the caller's data, possibly {@code null}; it is not changed
   * @param token the token
   * @return a new modifiable map with the caller's entries and the keys
   */
  public static Map<String, Object> withKeysAsObjects(Map<String, Object> custom, SessionToken token) {
    Map<String, Object> copy = custom == null ? new HashMap<>() : new HashMap<>(custom);
    String[] keys = keysAndValues(token);
    for (int i = 0; i < keys.length; i += 2) {
      copy.put(keys[i], keys[i + 1]);
    }
    return copy;
  }

  /**
   * The token a log event's MDC map carries, validated again (any code can write an MDC).
   *
   * @param mdc the map, possibly {@code null}
   * @return the token, or {@code null}
   */
  public static SessionToken fromMap(Map<String, String> mdc) {
    return SessionToken.fromKeys(mdc);
  }

  /**
   * The message with {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] } in front, for the
   * generations served. A message that already starts with such a prefix is returned unchanged.
   *
   * @param message the raw message, possibly {@code null}
   * @param token the token
   * @return the prefixed message
   */
  public static String prefixed(String message, SessionToken token) {
    if (MessagePrefix.isPrefixed(message)) {
      return message;
    }
    StringBuilder out = new StringBuilder(112 + (message == null ? 4 : message.length()));
    MessagePrefix.appendTo(out, token, AgentSettings.generations());
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
  public static String prefix(SessionToken token) {
    return MessagePrefix.of(token, AgentSettings.generations());
  }

  /**
   * Whether {@code map} may keep what it has under {@code key}: exactly the value written, or, for a key not
   * written, nothing or the token's own value.
   */
  private static boolean describes(Map<String, String> map, String key, String written, String own) {
    String present = map.get(key);
    if (written != null) {
      return written.equals(present);
    }
    return present == null || present.equals(own);
  }

  private static void putOrRemove(Map<String, String> map, String key, String value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }
}
