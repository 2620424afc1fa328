package io.openreplay.backend.agent.instrumentation.logstash;

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
 * logstash-logback-encoder's {@code MessageJsonProvider}, the {@code message} field of {@code LogstashEncoder}
 * and of composite JSON encoders: the message of an event that carries a token gets the prefix there, which is
 * where Elasticsearch's and Datadog's lookups read it. Jackson 3 (version 9) and Jackson 2 (versions 7 and 8) each
 * have their advice.
 */
public final class LogstashInstrumentation implements LibraryInstrumentation {

  private static final String PROVIDER = "net.logstash.logback.composite.loggingevent.MessageJsonProvider";
  private static final String EVENT = "ch.qos.logback.classic.spi.ILoggingEvent";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.logstash.";

  @Override
  public String name() {
    return "logstash";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(PROVIDER,
                writeTo("tools.jackson.core.JsonGenerator", "JsonMessageAdvice"),
                writeTo("com.fasterxml.jackson.core.JsonGenerator", "Jackson2JsonMessageAdvice"))
            .withShape(declaresField(named("messageSplitPattern"))));
  }

  private static Binding writeTo(String generator, String advice) {
    return Binding.of(isMethod().and(named("writeTo")).and(takesArguments(2))
        .and(takesArgument(0, named(generator))).and(takesArgument(1, named(EVENT))), PACKAGE + advice);
  }
}
