package io.openreplay.backend.agent.instrumentation.executors;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinTask.fork()}: a task forked while a token is current will run with it. */
public final class ForkAdvice {

  private ForkAdvice() {
  }

  /**
   * Before the task is pushed to a queue, so that no worker can run it before its token is remembered.
   *
   * @param task the task being forked
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void forking(@Advice.This ForkJoinTask<?> task) {
    TaskHandOver.handingOver(task);
  }
}
