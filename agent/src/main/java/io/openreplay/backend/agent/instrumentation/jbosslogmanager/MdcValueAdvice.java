package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import net.bytebuddy.asm.Advice;

/**
 * {@code ExtLogRecord.getMdc(key)} of a record whose MDC is not copied yet (read from the thread's MDC, as a
 * formatter on the logging thread does): the token's keys have the current token's values.
 */
public final class MdcValueAdvice {

  private MdcValueAdvice() {
  }

  /**
   * @param key the key asked for
   * @param copy the record's MDC copy, {@code null} while the thread's MDC is read
   * @param value the value, the token's own for its keys
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) String key, @Advice.FieldValue("mdcCopy") Object copy,
      @Advice.Return(readOnly = false) String value) {
    if (copy == null) {
      SessionToken token = CurrentToken.get();
      String own = token == null ? null : TokenKeys.valueOf(token, key);
      if (own != null) {
        value = own;
      }
    }
  }
}
