package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.shutdownNow()}: the tasks it takes out of the queue and returns will not run on the
 * pool. The list is only read.
 */
public final class DrainedTasksAdvice {

  private DrainedTasksAdvice() {
  }

  /**
   * @param tasks the tasks returned to the application
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void drained(@Advice.Return List<Runnable> tasks) {
    if (tasks != null) {
      for (int i = 0; i < tasks.size(); i++) {
        TaskHandOver.withdrawn(tasks.get(i));
      }
    }
  }
}
