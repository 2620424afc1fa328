package io.openreplay.backend.agent.instrumentation.log4j2;

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
 * Log4j 2 (2.17 and later), matched by exact class names only:
 * <ul>
 *   <li>the context data injectors of {@code ThreadContextDataInjector}, through which every log event gets its
 *       context data on the logging thread: both keys while a token is current ({@link ContextDataAdvice}), so that
 *       synchronous loggers, {@code AsyncAppender} and async loggers all keep them;</li>
 *   <li>the {@code %m} converters of {@code PatternLayout} ({@link MessageConverterAdvice}) and its serializers, one
 *       layout pass each (the prefix written once per pass, as for logback);</li>
 *   <li>{@code JsonTemplateLayout}'s {@code message} resolver ({@link JsonMessageAdvice});</li>
 *   <li>log4j-core's Jackson layouts ({@code JsonLayout}, {@code XmlLayout}, {@code YamlLayout}): each event written
 *       is a pass that holds the event's prefix ({@link JacksonLayoutPassAdvice}), which their message serializer
 *       writes in front of the message ({@link JacksonMessageAdvice});</li>
 *   <li>{@code GelfLayout}'s {@code short_message} ({@link GelfMessageAdvice});</li>
 *   <li>the {@code openreplay-log4j2} library's {@code LogEventPrefix.of}, behind its {@code %openReplay}: in a
 *       layout pass where the agent's {@code %m} wrote the prefix it writes nothing, and where it writes first,
 *       {@code %m} does not write it again.</li>
 * </ul>
 * The event's {@code Message} is never changed: what Sentry and Rollbar group by stays as it is.
 */
public final class Log4j2Instrumentation implements LibraryInstrumentation {

  private static final String CORE = "org.apache.logging.log4j.core.";
  private static final String EVENT = CORE + "LogEvent";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.log4j2.";
  /** A generic advice of one layout pass, JDK types only; shared with the logback instrumentation. */
  private static final String LAYOUT_PASS = "io.openreplay.backend.agent.instrumentation.logback.LayoutPassAdvice";
  /** The generic advice that lets a library's prefix and the agent's be written once per pass; shared too. */
  private static final String LIBRARY_PREFIX =
      "io.openreplay.backend.agent.instrumentation.logback.LibraryPrefixAdvice";

  @Override
  public String name() {
    return "log4j2";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(List.of(
                CORE + "impl.ThreadContextDataInjector$ForDefaultThreadContextMap",
                CORE + "impl.ThreadContextDataInjector$ForCopyOnWriteThreadContextMap",
                CORE + "impl.ThreadContextDataInjector$ForGarbageFreeThreadContextMap"),
            Binding.of(isMethod().and(named("injectContextData")).and(takesArguments(2))
                    .and(takesArgument(0, named("java.util.List")))
                    .and(takesArgument(1, named("org.apache.logging.log4j.util.StringMap"))),
                PACKAGE + "ContextDataAdvice")),
        TypeInstrumentation.named(List.of(
                CORE + "pattern.MessagePatternConverter$SimpleMessagePatternConverter",
                CORE + "pattern.MessagePatternConverter$FormattedMessagePatternConverter"),
            Binding.of(isMethod().and(named("format")).and(takesArguments(2))
                    .and(takesArgument(0, named(EVENT))).and(takesArgument(1, StringBuilder.class)),
                PACKAGE + "MessageConverterAdvice")),
        // The serializers of PatternLayout over one event (PatternSerializerWithReplacement delegates to one).
        TypeInstrumentation.named(List.of(
                CORE + "layout.PatternLayout$NoFormatPatternSerializer",
                CORE + "layout.PatternLayout$PatternFormatterPatternSerializer",
                CORE + "layout.PatternLayout$PatternSelectorSerializer"),
            Binding.of(isMethod().and(named("toSerializable")).and(takesArguments(2))
                    .and(takesArgument(0, named(EVENT))).and(takesArgument(1, StringBuilder.class)),
                LAYOUT_PASS)),
        TypeInstrumentation.named("org.apache.logging.log4j.layout.template.json.resolver.MessageResolver",
            Binding.of(isMethod().and(named("resolve")).and(takesArguments(2))
                    .and(takesArgument(0, named(EVENT)))
                    .and(takesArgument(1, named("org.apache.logging.log4j.layout.template.json.util.JsonWriter"))),
                PACKAGE + "JsonMessageAdvice")),
        // JsonLayout, XmlLayout, YamlLayout: one pass per event, whose message serializer takes the prefix.
        TypeInstrumentation.named(CORE + "layout.AbstractJacksonLayout",
            Binding.of(isMethod().and(named("toSerializable")).and(takesArguments(2))
                    .and(takesArgument(0, named(EVENT))).and(takesArgument(1, named("java.io.Writer"))),
                PACKAGE + "JacksonLayoutPassAdvice")),
        TypeInstrumentation.named(CORE + "jackson.MessageSerializer",
            Binding.of(isMethod().and(named("serialize")).and(takesArguments(3))
                    .and(takesArgument(0, named("org.apache.logging.log4j.message.Message"))),
                PACKAGE + "JacksonMessageAdvice")),
        TypeInstrumentation.named(CORE + "layout.GelfLayout",
            Binding.of(isMethod().and(named("toText")).and(takesArguments(3))
                    .and(takesArgument(0, named(EVENT))).and(takesArgument(1, StringBuilder.class))
                    .and(returns(StringBuilder.class)),
                PACKAGE + "GelfMessageAdvice")),
        // The openreplay-log4j2 library's %openReplay: one prefix per layout pass beside the agent's %m.
        TypeInstrumentation.named("io.openreplay.backend.log4j2.LogEventPrefix",
            Binding.of(isMethod().and(isStatic()).and(named("of")).and(takesArguments(2))
                    .and(takesArgument(0, named(EVENT))).and(returns(String.class)),
                LIBRARY_PREFIX)));
  }
}
