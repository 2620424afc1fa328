package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.bootstrap.ThreadHandOver;
import net.bytebuddy.asm.Advice;

/**
 * A pool's own worker creation ({@code ThreadPoolExecutor.addWorker}, {@code ForkJoinPool.createWorker}, Tomcat's
 * and Jetty's pools): threads started in it get no token, since a worker outlives the request that happened to
 * start it.
 */
public final class WorkerCreationAdvice {

  private WorkerCreationAdvice() {
  }

  /** Before the pool creates a worker. */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    ThreadHandOver.suppressStarts();
  }

  /** After the pool created its worker, or failed to. */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit() {
    ThreadHandOver.resumeStarts();
  }
}
