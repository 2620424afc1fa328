package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.util.HashMap;
import java.util.Map;

/**
 * The token of a log event whose context data is read key by key (Log4j 2's {@code ReadOnlyStringMap}, whose values
 * are objects): whether the two values already describe the current token, and the message prefix they make.
 */
public final class ContextDataToken {

  private ContextDataToken() {
  }

  /**
   * Whether context data holding these values may be left as it is for {@code token}: each key the agent writes
   * holds exactly the token's value, and a key it does not write holds nothing or the token's own value (never a
   * value of another token), as {@link TokenKeys#withKeys} decides for an MDC map.
   *
   * @param tokenValue the value under {@link SessionToken#TOKEN_KEY}, possibly {@code null}
   * @param idValue the value under {@link SessionToken#SESSION_ID_KEY}, possibly {@code null}
   * @param token the current token
   * @return {@code true} when nothing is to be written
   */
  public static boolean describes(Object tokenValue, Object idValue, SessionToken token) {
    return keeps(tokenValue, TokenKeys.valueOf(token, SessionToken.TOKEN_KEY), token.token())
        && keeps(idValue, TokenKeys.valueOf(token, SessionToken.SESSION_ID_KEY), token.sessionId());
  }

  /**
   * The prefix for the rendered message of an event whose context data holds these values (see
   * {@link RenderedPrefix#forMessage}).
   *
   * @param tokenValue the value under {@link SessionToken#TOKEN_KEY}, possibly {@code null}
   * @param idValue the value under {@link SessionToken#SESSION_ID_KEY}, possibly {@code null}
   * @param error whether the event is of level ERROR or above
   * @return the prefix, or {@code null} when the event carries no token, the prefix mode does not select it, or this
   *     layout pass has written the prefix already
   */
  public static String prefix(Object tokenValue, Object idValue, boolean error) {
    if (!(tokenValue instanceof String) && !(idValue instanceof String)) {
      return null;
    }
    Map<String, String> keys = new HashMap<>(4);
    if (tokenValue instanceof String) {
      keys.put(SessionToken.TOKEN_KEY, (String) tokenValue);
    }
    if (idValue instanceof String) {
      keys.put(SessionToken.SESSION_ID_KEY, (String) idValue);
    }
    return RenderedPrefix.forMessage(keys, error);
  }

  private static boolean keeps(Object present, String written, String own) {
    if (written != null) {
      return written.equals(present);
    }
    return present == null || present.equals(own);
  }
}
