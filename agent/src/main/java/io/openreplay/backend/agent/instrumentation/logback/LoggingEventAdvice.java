package io.openreplay.backend.agent.instrumentation.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.OpenReplayToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code new LoggingEvent(fqcn, logger, level, message, throwable, arguments)}: as the event is made, on the
 * logging thread, its MDC map is taken and the current token's keys added to it, and the message of an event that
 * the prefix mode selects gets the prefix. An event logged where the {@code filter} module (not the agent) attached
 * the token finds it in the MDC and gets the prefix as well.
 */
public final class LoggingEventAdvice {

  private LoggingEventAdvice() {
  }

  /**
   * @param event the event just made
   * @param mdc the event's MDC map field
   * @param message the event's message field (the pattern, before arguments are put in)
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onCreated(
      @Advice.This LoggingEvent event,
      @Advice.FieldValue(value = "mdcPropertyMap", readOnly = false) Map<String, String> mdc,
      @Advice.FieldValue(value = "message", readOnly = false) String message) {
    OpenReplayToken token = CurrentToken.get();
    Level level = event.getLevel();
    boolean prefix = AgentSettings.prefixMode().applies(level != null && level.toInt() >= Level.ERROR_INT);
    if (token == null && !prefix) {
      return;
    }
    Map<String, String> captured = event.getMDCPropertyMap();
    if (token == null) {
      token = TokenKeys.fromMap(captured);
      if (token == null) {
        return;
      }
    } else {
      mdc = TokenKeys.withKeys(captured, token);
    }
    if (prefix) {
      message = TokenKeys.prefixed(message, token);
    }
  }
}
