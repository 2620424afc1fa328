package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.bootstrap.ThreadHandOver;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code Thread.run()} (and overrides of it), and {@code VirtualThread}'s private {@code run(Runnable)}, which runs a
 * virtual thread's task on it: runs with the token recorded when the thread was started.
 */
public final class ThreadRunAdvice {

  private ThreadRunAdvice() {
  }

  /**
   * @param thread the thread whose run method begins
   * @return the scope to close, or {@code null}
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.This Thread thread) {
    return ThreadHandOver.running(thread);
  }

  /**
   * @param scope what {@link #enter(Thread)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
