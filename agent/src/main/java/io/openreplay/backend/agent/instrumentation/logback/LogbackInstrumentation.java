package io.openreplay.backend.agent.instrumentation.logback;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * {@code ch.qos.logback.classic.spi.LoggingEvent}'s six-argument constructor, the one every logger call goes
 * through; versions without the {@code mdcPropertyMap} and {@code message} fields are left alone.
 */
public final class LogbackInstrumentation implements LibraryInstrumentation {

  private static final String EVENT = "ch.qos.logback.classic.spi.LoggingEvent";

  @Override
  public String name() {
    return "logback";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.of(EVENT, named(EVENT),
                Binding.of(isConstructor().and(takesArguments(6)),
                    "io.openreplay.backend.agent.instrumentation.logback.LoggingEventAdvice"))
            .withShape(declaresField(named("mdcPropertyMap")).and(declaresField(named("message")))));
  }
}
