package io.openreplay.backend.agent.instrumentation.undertow;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code EnhancedQueueExecutor$Task.run()}: the pool's wrapper of one runnable runs with the token remembered when it
 * was made, and the worker gets back what it had afterwards.
 */
public final class PoolTaskRunAdvice {

  private PoolTaskRunAdvice() {
  }

  /**
   * @param task the pool's task about to run
   * @return the scope to close, or {@code null} when no token waits for this task
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.This Object task) {
    return TaskHandOver.running(task);
  }

  /**
   * @param scope what {@link #enter(Object)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
