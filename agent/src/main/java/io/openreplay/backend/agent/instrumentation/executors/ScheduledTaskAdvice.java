package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import java.util.concurrent.RunnableScheduledFuture;
import net.bytebuddy.asm.Advice;

/**
 * {@code ScheduledThreadPoolExecutor.delayedExecute}, which queues every scheduled task ({@code schedule}, and so
 * {@code execute} and {@code submit}): a one-shot task keeps the current token with the very future that is queued
 * and that the pool's worker takes. A periodic task keeps none: it runs long after the request that scheduled it,
 * for no request in particular.
 */
public final class ScheduledTaskAdvice {

  private ScheduledTaskAdvice() {
  }

  /**
   * Before the future is queued.
   *
   * @param task the future being queued
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void scheduling(@Advice.Argument(0) RunnableScheduledFuture<?> task) {
    if (task != null && !task.isPeriodic()) {
      TaskHandOver.handingOver(task);
    }
  }
}
