package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import net.bytebuddy.asm.Advice;

/**
 * The constructors of the fork-join tasks that a {@code ForkJoinPool} makes of the application's runnables and
 * callables as they are submitted: the adapter keeps the current token, and {@code doExec()} attaches it. The
 * application's own runnable or callable is neither wrapped nor replaced.
 */
public final class AdaptedTaskAdvice {

  private AdaptedTaskAdvice() {
  }

  /**
   * After the adapter is made, before the pool queues it.
   *
   * @param adapter the new fork-join task
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void adapted(@Advice.This Object adapter) {
    TaskHandOver.handingOver(adapter);
  }
}
