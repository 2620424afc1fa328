package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.ContextDataToken;
import io.openreplay.backend.agent.bootstrap.MessageFieldPrefix;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * {@code AbstractJacksonLayout.toSerializable(LogEvent, Writer)}, where {@code JsonLayout}, {@code XmlLayout} and
 * {@code YamlLayout} write one event: the prefix of the token the event's context data carries, for the events the
 * prefix mode selects, is held for the event's message field ({@link JacksonMessageAdvice}) while the event is
 * written.
 */
public final class JacksonLayoutPassAdvice {

  private JacksonLayoutPassAdvice() {
  }

  /**
   * @param event the event being written
   * @return the prefix of an outer pass, to restore
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static String enter(@Advice.Argument(0) LogEvent event) {
    String prefix = null;
    ReadOnlyStringMap data = event == null ? null : event.getContextData();
    if (data != null && !data.isEmpty()) {
      Level level = event.getLevel();
      prefix = ContextDataToken.prefix(data.getValue(SessionToken.TOKEN_KEY),
          data.getValue(SessionToken.SESSION_ID_KEY), level != null && level.isMoreSpecificThan(Level.ERROR));
    }
    return MessageFieldPrefix.passBegins(prefix);
  }

  /**
   * @param outer what {@link #enter} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter String outer) {
    MessageFieldPrefix.passEnds(outer);
  }
}
