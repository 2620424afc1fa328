package io.openreplay.backend.agent.instrumentation.logstash;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
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
 * where Elasticsearch's and Datadog's lookups read it, with Jackson 3 (version 9) and Jackson 2 (versions 7 and 8).
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
                Binding.of(isMethod().and(named("writeTo")).and(takesArguments(2))
                    .and(takesArgument(0, nameEndsWith(".JsonGenerator"))).and(takesArgument(1, named(EVENT))),
                    PACKAGE + "JsonMessageAdvice"))
            .withShape(declaresField(named("messageSplitPattern"))));
  }
}
