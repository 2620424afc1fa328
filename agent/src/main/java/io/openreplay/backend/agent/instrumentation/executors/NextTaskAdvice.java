package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.WorkerTaskScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.getTask()}, where a worker whose task is over waits for the next one: the previous
 * task's token is put back before the worker waits, and the token handed over with the task returned is attached
 * before the worker runs it (and its {@code beforeExecute}/{@code afterExecute}).
 */
public final class NextTaskAdvice {

  private NextTaskAdvice() {
  }

  /** The worker's previous task is over. */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void asking() {
    WorkerTaskScope.taskDone();
  }

  /**
   * @param task the worker's next task, or {@code null} when the worker is about to end
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void taken(@Advice.Return Runnable task) {
    WorkerTaskScope.taskTaken(task);
  }
}
