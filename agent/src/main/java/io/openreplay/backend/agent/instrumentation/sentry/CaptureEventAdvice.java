package io.openreplay.backend.agent.instrumentation.sentry;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import io.sentry.SentryEvent;
import net.bytebuddy.asm.Advice;

/** {@code SentryClient.captureEvent(SentryEvent, IScope, Hint)}: every path that captures an error ends here. */
public final class CaptureEventAdvice {

  private CaptureEventAdvice() {
  }

  /**
   * @param event the event about to be processed and sent
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) SentryEvent event) {
    SessionToken token = CurrentToken.get();
    if (token == null || event == null) {
      return;
    }
    String[] tags = TokenKeys.sentryTags(token);
    for (int i = 0; i < tags.length; i += 2) {
      if (event.getTag(tags[i]) == null) {
        event.setTag(tags[i], tags[i + 1]);
      }
    }
  }
}
