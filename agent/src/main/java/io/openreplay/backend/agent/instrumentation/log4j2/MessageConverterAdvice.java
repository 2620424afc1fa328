package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.ContextDataToken;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MultiformatMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * {@code format(LogEvent, StringBuilder)} of the converters behind a pattern layout's {@code %m}, {@code %msg} and
 * {@code %message} ({@code MessagePatternConverter$SimpleMessagePatternConverter}, and
 * {@code $FormattedMessagePatternConverter} for {@code %m{...}} with options): before the message is written, the
 * prefix of the token the event's context data carries, for the events the prefix mode selects, once per layout
 * pass. The event's message itself is left as it is. With options, a message that formats itself in a structured
 * format ({@code %m{JSON}} of a {@code MapMessage}, say), whose text the prefix would break, gets none.
 */
public final class MessageConverterAdvice {

  private MessageConverterAdvice() {
  }

  /**
   * @param converter the name of the converter's class
   * @param event the event being rendered
   * @param out the text being rendered
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Origin("#t") String converter, @Advice.Argument(0) LogEvent event,
      @Advice.Argument(1) StringBuilder out) {
    if (event == null || out == null) {
      return;
    }
    if (event.getMessage() instanceof MultiformatMessage && converter.endsWith("$FormattedMessagePatternConverter")) {
      return;
    }
    ReadOnlyStringMap data = event.getContextData();
    if (data == null || data.isEmpty()) {
      return;
    }
    Level level = event.getLevel();
    String prefix = ContextDataToken.prefix(data.getValue(SessionToken.TOKEN_KEY),
        data.getValue(SessionToken.SESSION_ID_KEY), level != null && level.isMoreSpecificThan(Level.ERROR));
    if (prefix != null) {
      out.append(prefix);
    }
  }
}
