package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.execute(Runnable)}, which every {@code submit} and {@code invoke} of the pool goes
 * through: the task keeps the current token for the run this call asks for. The task itself is handed on
 * unchanged, so the queue, {@code shutdownNow()}, {@code remove(task)} and {@code beforeExecute} see the
 * application's own object.
 */
public final class QueuedTaskAdvice {

  private QueuedTaskAdvice() {
  }

  /**
   * Before the task reaches a worker or the queue, so that no worker can take it before its token is remembered.
   *
   * @param task the task being executed
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void executing(@Advice.Argument(0) Runnable task) {
    TaskHandOver.handingOver(task);
  }
}
