package io.openreplay.backend.agent.instrumentation.handover;

import io.openreplay.backend.agent.bootstrap.HandOver;
import net.bytebuddy.asm.Advice;

/**
 * Replaces the first argument, a {@link Runnable} being handed to another thread, with one carrying the token.
 * Only for methods that never give the task back to the application ({@code AsyncContext.start}); the JDK's
 * executors keep the application's own tasks instead (see the {@code executors} instrumentation).
 */
public final class RunnableArgumentAdvice {

  private RunnableArgumentAdvice() {
  }

  /**
   * @param task the task argument, replaced by its wrapper
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void wrap(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = HandOver.wrap(task);
  }
}
