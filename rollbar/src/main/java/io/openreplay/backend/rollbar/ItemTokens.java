package io.openreplay.backend.rollbar;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.util.Map;

/**
 * The token of a Rollbar item being built: the MDC that {@code rollbar-logback} nested under
 * {@code custom["rollbar-logback"].mdc}, or the ThreadContext (context data) that {@code rollbar-log4j2} nested under
 * {@code custom["rollbar-log4j2"].mdc} (the logging event's own, right behind an asynchronous appender too), or else
 * the token current on the thread that reports the item. Values are validated again.
 */
final class ItemTokens {

  /** Where {@code rollbar-logback} puts its fields in {@code data.custom}. */
  static final String ROLLBAR_LOGBACK_KEY = "rollbar-logback";

  /** Where {@code rollbar-log4j2} puts its fields in {@code data.custom}. */
  static final String ROLLBAR_LOG4J2_KEY = "rollbar-log4j2";

  /** Where both appenders put the event's MDC (context data), under their own key. */
  static final String MDC_KEY = "mdc";

  private ItemTokens() {
  }

  /**
   * @param custom the item's {@code data.custom}, possibly {@code null}
   * @return the token, or {@code null} when the item has none
   */
  static SessionToken of(Map<String, Object> custom) {
    SessionToken fromMdc = fromAppenderMdc(custom, ROLLBAR_LOGBACK_KEY);
    if (fromMdc != null) {
      return fromMdc;
    }
    fromMdc = fromAppenderMdc(custom, ROLLBAR_LOG4J2_KEY);
    if (fromMdc != null) {
      return fromMdc;
    }
    return OpenReplayContext.current().orElse(null);
  }

  private static SessionToken fromAppenderMdc(Map<String, Object> custom, String appenderKey) {
    if (custom == null) {
      return null;
    }
    Object appender = custom.get(appenderKey);
    if (!(appender instanceof Map)) {
      return null;
    }
    Object mdc = ((Map<?, ?>) appender).get(MDC_KEY);
    if (!(mdc instanceof Map)) {
      return null;
    }
    Map<?, ?> values = (Map<?, ?>) mdc;
    Object token = values.get(SessionToken.TOKEN_KEY);
    Object sessionId = values.get(SessionToken.SESSION_ID_KEY);
    return SessionToken.ofParts(token instanceof String ? (String) token : null,
        sessionId instanceof String ? (String) sessionId : null);
  }
}
