package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.reject(Runnable)}, through which every rejection goes, whatever the handler does with
 * the task (throw, discard, run it on the caller's thread, which has its own token): the hand-over that was
 * rejected will not run on the pool.
 */
public final class RejectedTaskAdvice {

  private RejectedTaskAdvice() {
  }

  /**
   * @param task the task rejected
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void rejecting(@Advice.Argument(0) Runnable task) {
    TaskHandOver.withdrawn(task);
  }
}
