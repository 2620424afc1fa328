package io.openreplay.backend.agent.instrumentation.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import net.bytebuddy.asm.Advice;

/**
 * {@code MessageConverter.convert(ILoggingEvent)}, which every pattern's {@code %msg}, {@code %m} and
 * {@code %message} go through: the rendered message of an event that carries a token gets the prefix, for the
 * events the prefix mode selects.
 */
public final class MessageConverterAdvice {

  private MessageConverterAdvice() {
  }

  /**
   * @param event the event being rendered
   * @param message the rendered message, prefixed when the event carries a token
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) ILoggingEvent event,
      @Advice.Return(readOnly = false) String message) {
    if (event == null) {
      return;
    }
    Level level = event.getLevel();
    String prefix = RenderedPrefix.forMessage(event.getMDCPropertyMap(),
        level != null && level.toInt() >= Level.ERROR_INT);
    if (prefix != null) {
      message = prefix + message;
    }
  }
}
