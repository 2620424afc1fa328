package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RecordTokens;
import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import java.util.logging.Level;
import net.bytebuddy.asm.Advice;
import org.jboss.logmanager.ExtLogRecord;

/**
 * {@code ExtLogRecord.getFormattedMessage()} while a JBoss LogManager formatter renders the record (JBoss
 * LogManager 2.1's {@code %s} and {@code %m}, and 3's without a formatter): the prefix, once per rendering. Called
 * anywhere else (an error tracker's handler reading the record), it returns what it returns without the agent.
 */
public final class RenderedFormattedMessageAdvice {

  private RenderedFormattedMessageAdvice() {
  }

  /**
   * @param record the record
   * @param message its formatted message
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This ExtLogRecord record, @Advice.Return(readOnly = false) String message) {
    if (RenderedPrefix.inPass()) {
      Level level = record.getLevel();
      boolean warning = level != null && level.intValue() >= RecordTokens.WARNING;
      if (AgentSettings.prefixMode().applies(warning)) {
        message = RenderedPrefix.prefixedText(SessionToken.ofParts(record.getMdc(SessionToken.TOKEN_KEY),
            record.getMdc(SessionToken.SESSION_ID_KEY)), warning, message);
      }
    }
  }
}
