package io.openreplay.backend.bench.jmh;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;

/**
 * Makes the event that {@code log.error("payment failed for order {}", 4711)} makes on a request thread carrying a
 * token: level ERROR, a message with one argument, no exception, the token's two keys in its MDC map. Each call makes
 * a new event, so that a layout or encoder does all its work on it, as it does for every event it is given.
 */
final class PaymentErrorEvents {

  /** The message pattern of the event. */
  static final String MESSAGE = "payment failed for order {}";

  private final Logger logger;
  private final Map<String, String> mdc = Tokens.mdcWithToken();
  private final Object[] arguments = {4711};

  /**
   * @param context the logger context the event's logger comes from
   */
  PaymentErrorEvents(LoggerContext context) {
    this.logger = context.getLogger("io.openreplay.backend.bench.clinic.web.PharmacyOrderController");
  }

  /**
   * @return a new event
   */
  LoggingEvent next() {
    LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, MESSAGE, null, arguments);
    event.setMDCPropertyMap(mdc);
    return event;
  }
}
