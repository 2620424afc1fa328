package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.bootstrap.ThreadHandOver;
import net.bytebuddy.asm.Advice;

/**
 * {@code Thread.start()}, {@code Thread.start(ThreadContainer)} (Java 21+: thread-per-task executors, structured
 * concurrency) and {@code VirtualThread.start(ThreadContainer)} (every virtual thread): the token current on the
 * starting thread is recorded for the new one.
 */
public final class ThreadStartAdvice {

  private ThreadStartAdvice() {
  }

  /**
   * @param thread the thread being started
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void starting(@Advice.This Thread thread) {
    ThreadHandOver.starting(thread);
  }
}
