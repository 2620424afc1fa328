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
    String tokenValue = TokenKeys.valueOf(token, SessionToken.TOKEN_KEY);
    if (tokenValue != null && event.getTag(SessionToken.TOKEN_KEY) == null) {
      event.setTag(SessionToken.TOKEN_KEY, tokenValue);
    }
    String idValue = TokenKeys.valueOf(token, SessionToken.SESSION_ID_KEY);
    if (idValue != null && event.getTag(SessionToken.SESSION_ID_KEY) == null) {
      event.setTag(SessionToken.SESSION_ID_KEY, idValue);
    }
  }
}
