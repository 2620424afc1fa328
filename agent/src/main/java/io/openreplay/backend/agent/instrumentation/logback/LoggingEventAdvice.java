package io.openreplay.backend.agent.instrumentation.logback;

import ch.qos.logback.classic.spi.LoggingEvent;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code new LoggingEvent(fqcn, logger, level, message, throwable, arguments)}: as the event is made, on the
 * logging thread, its MDC map is taken and the current token's keys are added to it, so that the event carries
 * the token to every appender, asynchronous ones included. The event's message is left as it is: the prefix goes
 * only into rendered text ({@link MessageConverterAdvice}, the logstash instrumentation).
 */
public final class LoggingEventAdvice {

  private LoggingEventAdvice() {
  }

  /**
   * @param event the event just made
   * @param mdc the event's MDC map field
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onCreated(
      @Advice.This LoggingEvent event,
      @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> mdc) {
    SessionToken token = CurrentToken.get();
    if (token != null) {
      mdc = TokenKeys.withKeys(event.getMDCPropertyMap(), token);
    }
  }
}
