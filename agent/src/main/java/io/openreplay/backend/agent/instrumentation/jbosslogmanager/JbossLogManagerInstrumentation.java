package io.openreplay.backend.agent.instrumentation.jbosslogmanager;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.logging.LogRecord;

/**
 * JBoss LogManager (WildFly, Quarkus), two classes matched by name:
 * <ul>
 *   <li>{@code org.jboss.logmanager.ExtLogRecord}: its MDC, read from the thread until {@code copyMdc()} copies it
 *       ({@code getMdc(key)}, {@code copyMdc()}, which {@code getMdcCopy()}, {@code copyAll()} and asynchronous
 *       handlers go through), has both keys while a token is current, so {@code %X{openReplaySessionToken}}, the
 *       JSON formatters' MDC and handlers of other threads see them; the thread's own MDC is left as it is.
 *       {@code getFormattedMessage()} gets the prefix only while a formatter renders the record (JBoss LogManager
 *       2.1's {@code %s}/{@code %m}).</li>
 *   <li>{@code org.jboss.logmanager.ExtFormatter}: {@code format(LogRecord)} (final, the entry of every formatter of
 *       the library) is one rendering, within which {@code formatMessage(LogRecord)} (JBoss LogManager 3's
 *       {@code %s}/{@code %m}) writes the prefix once, for WARN and above by default.</li>
 * </ul>
 * The record's message, parameters and the application's MDC stay as they are.
 */
public final class JbossLogManagerInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.jbosslogmanager.";
  /** One rendering of one record, within which the prefix is written at most once: the same advice as logback's. */
  private static final String LAYOUT_PASS = "io.openreplay.backend.agent.instrumentation.logback.LayoutPassAdvice";

  @Override
  public String name() {
    return "jboss-logmanager";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named("org.jboss.logmanager.ExtLogRecord",
                Binding.of(isMethod().and(named("copyMdc")).and(takesNoArguments()).and(returns(void.class)),
                    PACKAGE + "MdcCopyAdvice"),
                Binding.of(isMethod().and(named("getMdc")).and(takesArguments(String.class))
                    .and(returns(String.class)), PACKAGE + "MdcValueAdvice"),
                Binding.of(isMethod().and(named("getFormattedMessage")).and(takesNoArguments())
                    .and(returns(String.class)), PACKAGE + "RenderedFormattedMessageAdvice"))
            .withShape(declaresField(named("mdcCopy"))),
        TypeInstrumentation.named("org.jboss.logmanager.ExtFormatter",
            Binding.of(isMethod().and(named("format")).and(takesArguments(LogRecord.class))
                .and(returns(String.class)), LAYOUT_PASS),
            Binding.of(isMethod().and(named("formatMessage")).and(takesArguments(LogRecord.class))
                .and(returns(String.class)), PACKAGE + "FormatMessageAdvice")));
  }
}
