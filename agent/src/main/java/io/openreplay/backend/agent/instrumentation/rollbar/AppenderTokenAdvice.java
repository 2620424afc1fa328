package io.openreplay.backend.agent.instrumentation.rollbar;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;

/**
 * {@code com.rollbar.logback.RollbarAppender.append(ILoggingEvent)}: on a thread without a token (an
 * {@code AsyncAppender}'s worker), the token the logback event carries in its MDC map is attached while rollbar-logback
 * builds and hands over the item, so that {@link CustomDataAdvice} and {@link MessageBodyAdvice} write its keys;
 * what the thread had before is restored.
 */
public final class AppenderTokenAdvice {

  private AppenderTokenAdvice() {
  }

  /**
   * @param event the logback event about to be sent
   * @return the scope to close, or {@code null} when a token is already current or the event carries none
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.Argument(0) ILoggingEvent event) {
    if (event == null || CurrentToken.get() != null) {
      return null;
    }
    SessionToken token = TokenKeys.fromMap(event.getMDCPropertyMap());
    return token == null ? null : TokenScope.attach(token);
  }

  /**
   * @param scope what {@link #enter(ILoggingEvent)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
