package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import net.bytebuddy.asm.Advice;

/**
 * {@code ExtFormatter.format(LogRecord)}: one rendering of one record by a JBoss LogManager formatter
 * ({@code PatternFormatter}, the JSON and XML formatters), within which the prefix is written at most once.
 */
public final class FormatPassAdvice {

  private FormatPassAdvice() {
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
