package io.openreplay.backend.agent.instrumentation.jul;

import io.openreplay.backend.agent.bootstrap.RecordTokens;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;

/**
 * {@code new LogRecord(level, message)}: on the logging thread, the current token is kept for the record
 * ({@link RecordTokens}); the record itself is left as it is.
 */
public final class RecordCreatedAdvice {

  private RecordCreatedAdvice() {
  }

  /**
   * @param record the record just made
   * @param level its level
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This LogRecord record, @Advice.Argument(0) Level level) {
    RecordTokens.created(record, level == null ? Integer.MIN_VALUE : level.intValue());
  }
}
