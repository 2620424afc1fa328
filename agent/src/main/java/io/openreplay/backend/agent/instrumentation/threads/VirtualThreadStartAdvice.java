package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.bootstrap.ThreadHandOver;
import net.bytebuddy.asm.Advice;

/**
 * {@code java.lang.VirtualThread.start(ThreadContainer)} (Java 21+), through which every virtual thread is started:
 * {@code Thread.ofVirtual().start}, {@code Thread.startVirtualThread}, {@code start()} of an unstarted one or of one
 * made by a virtual {@code ThreadFactory}, and {@code Executors.newVirtualThreadPerTaskExecutor()}. It overrides
 * {@code Thread}'s and never calls it, so {@link ThreadStartAdvice} does not see it: the token current on the
 * starting thread is recorded for the new virtual thread here.
 */
public final class VirtualThreadStartAdvice {

  private VirtualThreadStartAdvice() {
  }

  /**
   * @param thread the virtual thread being started
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void starting(@Advice.This Thread thread) {
    ThreadHandOver.starting(thread);
  }
}
