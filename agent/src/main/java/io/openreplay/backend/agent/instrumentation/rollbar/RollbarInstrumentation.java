package io.openreplay.backend.agent.instrumentation.rollbar;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * {@code com.rollbar.notifier.RollbarBase.buildData(...)} (custom data),
 * {@code com.rollbar.api.payload.data.body.Message.Builder.build()} (message body) and
 * {@code com.rollbar.logback.RollbarAppender.append(ILoggingEvent)} (the logback event's token, for an appender
 * called on a thread without one).
 */
public final class RollbarInstrumentation implements LibraryInstrumentation {

  private static final String BASE = "com.rollbar.notifier.RollbarBase";
  private static final String MESSAGE_BUILDER = "com.rollbar.api.payload.data.body.Message$Builder";
  private static final String LOGBACK_APPENDER = "com.rollbar.logback.RollbarAppender";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.rollbar.";

  @Override
  public String name() {
    return "rollbar";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(BASE,
            Binding.of(isMethod().and(named("buildData")).and(takesArguments(6))
                .and(takesArgument(2, named("java.util.Map"))), PACKAGE + "CustomDataAdvice")),
        TypeInstrumentation.named(MESSAGE_BUILDER,
                Binding.of(isMethod().and(named("build")).and(takesArguments(0)), PACKAGE + "MessageBodyAdvice"))
            .withShape(declaresField(named("metadata"))),
        TypeInstrumentation.named(LOGBACK_APPENDER,
            Binding.of(isMethod().and(named("append")).and(takesArguments(1))
                    .and(takesArgument(0, named("ch.qos.logback.classic.spi.ILoggingEvent"))),
                PACKAGE + "AppenderTokenAdvice")));
  }
}
