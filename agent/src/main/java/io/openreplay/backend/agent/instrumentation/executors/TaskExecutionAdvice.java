package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinTask.doExec()}, through which every thread runs a fork-join task's body (a pool's worker, a
 * joining or helping thread, {@code invoke()}): the token remembered when the task was handed over is attached
 * around it, and what the thread had before is restored.
 */
public final class TaskExecutionAdvice {

  private TaskExecutionAdvice() {
  }

  /**
   * @param task the task about to run
   * @return the scope to close, or {@code null} when no token waits for this task
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.This ForkJoinTask<?> task) {
    return TaskHandOver.running(task);
  }

  /**
   * @param scope what {@link #enter(ForkJoinTask)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
