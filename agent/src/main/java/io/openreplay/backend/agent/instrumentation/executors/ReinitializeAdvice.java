package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * {@code ForkJoinTask.reinitialize()}: the task will be forked again, so a token remembered for an earlier
 * hand-over that never ran (a cancelled task) is forgotten.
 */
public final class ReinitializeAdvice {

  private ReinitializeAdvice() {
  }

  /**
   * @param task the task being reinitialized
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void reinitializing(@Advice.This ForkJoinTask<?> task) {
    TaskHandOver.forgetting(task);
  }
}
