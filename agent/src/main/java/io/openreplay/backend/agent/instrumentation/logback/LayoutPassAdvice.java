package io.openreplay.backend.agent.instrumentation.logback;

import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import net.bytebuddy.asm.Advice;

/**
 * {@code PatternLayoutBase.writeLoopOnConverters(event)}: one pass of a pattern layout over one event, within which
 * the prefix is written at most once.
 */
public final class LayoutPassAdvice {

  private LayoutPassAdvice() {
  }

  /**
   * @return the state of an outer pass, to restore
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static int enter() {
    return RenderedPrefix.passBegins();
  }

  /**
   * @param outer what {@link #enter()} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter int outer) {
    RenderedPrefix.passEnds(outer);
  }
}
