package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.WorkerTaskScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.Worker.run()}, a pool thread's whole life: its first task, given when the worker was
 * created, runs with the token handed over with it; whatever is attached when the worker ends is put back.
 */
public final class WorkerRunAdvice {

  private WorkerRunAdvice() {
  }

  /**
   * Before the worker runs its first task (its loop reads the same field).
   *
   * @param firstTask the worker's first task, or {@code null}
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void starting(@Advice.FieldValue("firstTask") Runnable firstTask) {
    WorkerTaskScope.taskTaken(firstTask);
  }

  /** When the worker ends, also by a task's exception. */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void ended() {
    WorkerTaskScope.taskDone();
  }
}
