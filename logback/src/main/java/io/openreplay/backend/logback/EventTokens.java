package io.openreplay.backend.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;

/**
 * The OpenReplay token a logging event carries, read from the event's own MDC map, where the {@code filter}
 * module or the agent put it. The event's map travels with the event, so this is right on async appenders too.
 * The values are validated again: an MDC is writable by any code, and only values the contract accepts go out.
 */
public final class EventTokens {

  private EventTokens() {
  }

  /**
   * @param event the logging event
   * @return the token the event carries, or {@code null} when it carries none (or only invalid values)
   */
  public static SessionToken of(ILoggingEvent event) {
    return SessionToken.fromKeys(event.getMDCPropertyMap());
  }
}
