package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.bootstrap.ThreadHandOver;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code java.lang.VirtualThread}'s private {@code run(Runnable)} (Java 21+), which runs the virtual thread's task on
 * the virtual thread itself (its {@code run()} does nothing): the task runs with the token recorded when the thread
 * was started, across every unmount and remount on carriers, since the token lives in the virtual thread's own
 * thread-local. The carriers are left as they are.
 */
public final class VirtualThreadRunAdvice {

  private VirtualThreadRunAdvice() {
  }

  /**
   * @param thread the virtual thread whose task begins
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
