package io.openreplay.backend.agent.instrumentation.logback;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Logback: {@code LoggingEvent}'s six-argument constructor, the one every logger call goes through (MDC keys;
 * versions without the {@code mdcPropertyMap} field are left alone), {@code MessageConverter.convert} ({@code %msg}
 * gets the prefix), {@code PatternLayoutBase.writeLoopOnConverters} (one layout pass) and the
 * {@code openreplay-logback} library's {@code OpenReplayPrefix.forEvent} (the prefix written once per pass).
 */
public final class LogbackInstrumentation implements LibraryInstrumentation {

  private static final String EVENT = "ch.qos.logback.classic.spi.LoggingEvent";
  private static final String ILOGGING_EVENT = "ch.qos.logback.classic.spi.ILoggingEvent";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.logback.";

  @Override
  public String name() {
    return "logback";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(EVENT,
                Binding.of(isConstructor().and(takesArguments(6)), PACKAGE + "LoggingEventAdvice"))
            .withShape(declaresField(named("mdcPropertyMap"))),
        TypeInstrumentation.named("ch.qos.logback.classic.pattern.MessageConverter",
            Binding.of(isMethod().and(named("convert")).and(takesArguments(1))
                    .and(takesArgument(0, named(ILOGGING_EVENT))).and(returns(String.class)),
                PACKAGE + "MessageConverterAdvice")),
        TypeInstrumentation.named("ch.qos.logback.core.pattern.PatternLayoutBase",
            Binding.of(isMethod().and(named("writeLoopOnConverters")).and(takesArguments(1))
                .and(returns(String.class)), PACKAGE + "LayoutPassAdvice")),
        TypeInstrumentation.named("io.openreplay.backend.logback.OpenReplayPrefix",
            Binding.of(isMethod().and(isStatic()).and(named("forEvent")).and(takesArguments(2))
                    .and(takesArgument(0, named(ILOGGING_EVENT))).and(returns(String.class)),
                PACKAGE + "LibraryPrefixAdvice")));
  }
}
