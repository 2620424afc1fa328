package io.openreplay.backend.sentry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;

/**
 * The token of a logback event that {@code sentry-logback} made a Sentry event of, read from the logback event's own
 * MDC map. Logback is optional: without it no object is a logback event.
 */
final class LogbackEventTokens {

  private static final boolean LOGBACK = isPresent();

  private LogbackEventTokens() {
  }

  /**
   * @param source what the Sentry event was made from, possibly {@code null}
   * @return the token a logback event carries, or {@code null}
   */
  static SessionToken of(Object source) {
    return LOGBACK ? ofLogbackEvent(source) : null;
  }

  private static SessionToken ofLogbackEvent(Object source) {
    return source instanceof ILoggingEvent ? SessionToken.fromKeys(((ILoggingEvent) source).getMDCPropertyMap()) : null;
  }

  private static boolean isPresent() {
    try {
      Class.forName("ch.qos.logback.classic.spi.ILoggingEvent", false, LogbackEventTokens.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
