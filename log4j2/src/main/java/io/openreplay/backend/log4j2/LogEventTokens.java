package io.openreplay.backend.log4j2;

import io.openreplay.backend.SessionToken;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The OpenReplay token a Log4j 2 event carries in its context data (the {@code ThreadContext} map copied into the
 * event when it was logged, so right behind async loggers and async appenders too). The values are validated again:
 * the map is writable by any code, and only values the contract accepts go out.
 */
public final class LogEventTokens {

  private LogEventTokens() {
  }

  /**
   * @param event the log event
   * @return the token the event carries, or {@code null} when it carries none (or only invalid values)
   */
  public static SessionToken of(LogEvent event) {
    ReadOnlyStringMap data = event.getContextData();
    if (data == null || data.isEmpty()) {
      return null;
    }
    String token = stringOrNull(data.getValue(SessionToken.TOKEN_KEY));
    String sessionId = stringOrNull(data.getValue(SessionToken.SESSION_ID_KEY));
    if (token == null && sessionId == null) {
      return null;
    }
    return SessionToken.ofParts(token, sessionId);
  }

  /** A context data value is any object when a custom ContextDataInjector put it there: only strings are read. */
  private static String stringOrNull(Object value) {
    return value instanceof String ? (String) value : null;
  }
}
