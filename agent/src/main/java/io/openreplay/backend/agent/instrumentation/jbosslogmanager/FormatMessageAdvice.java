package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RecordTokens;
import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;
import org.jboss.logmanager.ExtLogRecord;

/**
 * {@code ExtFormatter.formatMessage(LogRecord)}, which JBoss LogManager 3's {@code %s} and {@code %m} render the
 * message with: an {@code ExtLogRecord} whose MDC carries a token gets the prefix, for WARN and above by default.
 */
public final class FormatMessageAdvice {

  private FormatMessageAdvice() {
  }

  /**
   * @param record the record rendered
   * @param message the rendered message
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) LogRecord record, @Advice.Return(readOnly = false) String message) {
    if (record instanceof ExtLogRecord) {
      Level level = record.getLevel();
      boolean warning = level != null && level.intValue() >= RecordTokens.WARNING;
      if (AgentSettings.prefixMode().applies(warning)) {
        ExtLogRecord extRecord = (ExtLogRecord) record;
        message = RenderedPrefix.prefixedText(SessionToken.ofParts(extRecord.getMdc(SessionToken.TOKEN_KEY),
            extRecord.getMdc(SessionToken.SESSION_ID_KEY)), warning, message);
      }
    }
  }
}
