package io.openreplay.backend.agent.instrumentation.handover;

import io.openreplay.backend.agent.bootstrap.ForkJoinHandOver;
import io.openreplay.backend.agent.bootstrap.HandOver;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * Like {@link RunnableArgumentAdvice}, but never wraps a {@link ForkJoinTask}: where a method returns the task it
 * was given ({@code ForkJoinPool.submit(Runnable)}), the caller must get its own task back. A fork-join task keeps
 * the token through {@link ForkJoinHandOver} instead.
 */
public final class PlainRunnableArgumentAdvice {

  private PlainRunnableArgumentAdvice() {
  }

  /**
   * @param task the task argument, replaced by its wrapper unless it is a fork-join task
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void wrap(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    if (task instanceof ForkJoinTask) {
      ForkJoinHandOver.handingOver((ForkJoinTask<?>) task);
    } else {
      task = HandOver.wrap(task);
    }
  }
}
