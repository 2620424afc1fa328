package io.openreplay.backend.agent.instrumentation.handover;

import io.openreplay.backend.agent.bootstrap.HandOver;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** Replaces the first argument, a {@link Callable} being handed to another thread, with one carrying the token. */
public final class CallableArgumentAdvice {

  private CallableArgumentAdvice() {
  }

  /**
   * @param task the task argument, replaced by its wrapper
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void wrap(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
    task = HandOver.wrap(task);
  }
}
