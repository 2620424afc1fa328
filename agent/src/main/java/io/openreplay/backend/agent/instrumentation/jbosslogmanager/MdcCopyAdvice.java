package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code ExtLogRecord.copyMdc()}: when it copies the thread's MDC into the record (once, on the thread that logs or
 * hands the record to another thread), the copy gets the current token's keys.
 */
public final class MdcCopyAdvice {

  private MdcCopyAdvice() {
  }

  /**
   * @param copy the record's MDC copy before the call
   * @return whether the record had no copy yet
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(@Advice.FieldValue("mdcCopy") Object copy) {
    return copy == null;
  }

  /**
   * @param copying what {@link #enter(Object)} returned
   * @param copy the record's MDC copy after the call
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Enter boolean copying, @Advice.FieldValue("mdcCopy") Map<String, Object> copy) {
    SessionToken token = CurrentToken.get();
    if (copying && copy != null && token != null) {
      String[] keys = TokenKeys.keysAndValues(token);
      for (int i = 0; i < keys.length; i += 2) {
        copy.put(keys[i], keys[i + 1]);
      }
    }
  }
}
