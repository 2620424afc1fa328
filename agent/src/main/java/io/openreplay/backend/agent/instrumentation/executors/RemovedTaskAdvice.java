package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import net.bytebuddy.asm.Advice;

/** {@code ThreadPoolExecutor.remove(Runnable)}: a task taken out of the queue will not run on the pool. */
public final class RemovedTaskAdvice {

  private RemovedTaskAdvice() {
  }

  /**
   * @param task the task the application removed
   * @param removed whether it was in the queue
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void removed(@Advice.Argument(0) Runnable task, @Advice.Return boolean removed) {
    if (removed) {
      TaskHandOver.withdrawn(task);
    }
  }
}
