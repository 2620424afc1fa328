package io.openreplay.backend.agent.instrumentation.jul;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code java.util.logging}, two JDK classes matched by name: {@code LogRecord}'s constructor, which every record
 * goes through (the token is kept beside the record), and {@code Formatter.formatMessage(LogRecord)}, which
 * {@code SimpleFormatter}, Tomcat JULI's {@code OneLineFormatter} and most formatters render the message with (the
 * prefix goes into the rendered text). Both are loaded early, often before the agent is ready, and are then
 * retransformed.
 */
public final class JulInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.jul.";

  @Override
  public String name() {
    return "jul";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named("java.util.logging.LogRecord",
            Binding.of(isConstructor().and(takesArguments(Level.class, String.class)), PACKAGE + "RecordCreatedAdvice")),
        TypeInstrumentation.named("java.util.logging.Formatter",
            Binding.of(isMethod().and(named("formatMessage")).and(takesArguments(LogRecord.class))
                .and(returns(String.class)), PACKAGE + "FormattedMessageAdvice")));
  }
}
