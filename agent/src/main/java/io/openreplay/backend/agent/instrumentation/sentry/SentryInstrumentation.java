package io.openreplay.backend.agent.instrumentation.sentry;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * {@code io.sentry.SentryClient.captureEvent(SentryEvent, IScope, Hint)} (tags from the current token) and
 * {@code io.sentry.logback.SentryAppender.createEvent(ILoggingEvent)} (tags from the logback event's MDC map).
 */
public final class SentryInstrumentation implements LibraryInstrumentation {

  private static final String CLIENT = "io.sentry.SentryClient";
  private static final String APPENDER = "io.sentry.logback.SentryAppender";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.sentry.";

  @Override
  public String name() {
    return "sentry";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(CLIENT,
            Binding.of(isMethod().and(named("captureEvent")).and(takesArguments(3))
                .and(takesArgument(0, named("io.sentry.SentryEvent"))), PACKAGE + "CaptureEventAdvice")),
        TypeInstrumentation.named(APPENDER,
            Binding.of(isMethod().and(named("createEvent")).and(takesArguments(1))
                    .and(takesArgument(0, named("ch.qos.logback.classic.spi.ILoggingEvent"))),
                PACKAGE + "AppenderEventAdvice")));
  }
}
