package io.openreplay.backend.agent.instrumentation.jul;

import io.openreplay.backend.agent.bootstrap.RecordTokens;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;

/**
 * {@code Formatter.formatMessage(LogRecord)}: the message a formatter renders gets the prefix when its record was
 * made with a token and the prefix mode selects its level ({@code WARNING} and above by default). The record's
 * message and parameters are not touched.
 */
public final class FormattedMessageAdvice {

  private FormattedMessageAdvice() {
  }

  /**
   * @param record the record rendered
   * @param message the rendered message, prefixed when the record carries a token
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) LogRecord record, @Advice.Return(readOnly = false) String message) {
    if (record != null) {
      Level level = record.getLevel();
      message = RecordTokens.rendered(record, level == null ? Integer.MIN_VALUE : level.intValue(), message);
    }
  }
}
