package io.openreplay.backend.agent.instrumentation.logback;

import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import net.bytebuddy.asm.Advice;

/**
 * {@code io.openreplay.backend.logback.OpenReplayPrefix.forEvent(event, generations)}, the library's
 * {@code %openReplay}: in a layout pass where the agent's {@code %msg} wrote the prefix already it writes nothing,
 * and where it writes first, {@code %msg} does not write it again.
 */
public final class LibraryPrefixAdvice {

  private LibraryPrefixAdvice() {
  }

  /**
   * @param prefix what the library writes
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Return(readOnly = false) String prefix) {
    prefix = RenderedPrefix.fromLibrary(prefix);
  }
}
