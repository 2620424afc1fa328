package io.openreplay.backend.agent.instrumentation.handover;

import io.openreplay.backend.agent.bootstrap.HandOver;
import net.bytebuddy.asm.Advice;

/** Replaces the first argument, a {@link Runnable} being handed to another thread, with one carrying the token. */
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
