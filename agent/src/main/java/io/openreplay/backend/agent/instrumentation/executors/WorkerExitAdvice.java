package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.WorkerTaskScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadPoolExecutor.processWorkerExit}, where a worker's loop has ended, also after a task's exception: the
 * pool's own bookkeeping ({@code terminated()}, a replacement worker) runs without the last task's token.
 */
public final class WorkerExitAdvice {

  private WorkerExitAdvice() {
  }

  /** The worker's last task is over. */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void exiting() {
    WorkerTaskScope.taskDone();
  }
}
