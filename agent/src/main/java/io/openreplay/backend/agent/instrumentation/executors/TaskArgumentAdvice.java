package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinPool.submit/execute/invoke} of a fork-join task (also given as a {@code Runnable}, as
 * {@code CompletableFuture} does): the task keeps the current token. It is not wrapped: the caller joins the very
 * task it submitted. A plain runnable is left alone here: the pool adapts it into a fork-join task of its own,
 * which keeps the token from its creation ({@link AdaptedTaskAdvice}).
 */
public final class TaskArgumentAdvice {

  private TaskArgumentAdvice() {
  }

  /**
   * @param task the task argument
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void submitting(@Advice.Argument(0) Object task) {
    if (task instanceof ForkJoinTask) {
      TaskHandOver.handingOver(task);
    }
  }
}
