package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.ForkJoinHandOver;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinPool.submit/execute/invoke(ForkJoinTask)}: the task keeps the current token. It is not wrapped:
 * the caller joins the very task it submitted.
 */
public final class TaskArgumentAdvice {

  private TaskArgumentAdvice() {
  }

  /**
   * @param task the task argument
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void submitting(@Advice.Argument(0) ForkJoinTask<?> task) {
    ForkJoinHandOver.handingOver(task);
  }
}
