package io.openreplay.backend.agent.instrumentation.sentry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import io.sentry.SentryEvent;
import net.bytebuddy.asm.Advice;

/**
 * {@code io.sentry.logback.SentryAppender.createEvent(ILoggingEvent)}: the Sentry event made from a logback event
 * gets the tags of the token the logback event carries, so that an appender behind an asynchronous one, running on
 * a thread without the token, still sends them.
 */
public final class AppenderEventAdvice {

  private AppenderEventAdvice() {
  }

  /**
   * @param loggingEvent the logback event
   * @param event the Sentry event made from it
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) ILoggingEvent loggingEvent, @Advice.Return SentryEvent event) {
    if (event == null || loggingEvent == null) {
      return;
    }
    SessionToken token = TokenKeys.fromMap(loggingEvent.getMDCPropertyMap());
    if (token == null) {
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
