package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.ContextDataToken;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * {@code GelfLayout.toText(LogEvent, StringBuilder, boolean)}, which writes one event as GELF JSON: the prefix of the
 * token the event's context data carries, for the events the prefix mode selects, goes right after the opening
 * quote of the {@code short_message} it wrote, before the layout compresses or encodes the text. The text of a
 * JSON string never holds {@code "short_message":"} (its quotes are escaped), so the field is the last one of that
 * name. A {@code full_message} made by the layout's {@code messagePattern} gets the prefix from its own {@code %m}.
 */
public final class GelfMessageAdvice {

  private static final String FIELD = "\"short_message\":\"";

  private GelfMessageAdvice() {
  }

  /**
   * @param builder the text being written
   * @return where the layout begins to write
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static int enter(@Advice.Argument(1) StringBuilder builder) {
    return builder == null ? -1 : builder.length();
  }

  /**
   * @param event the event written
   * @param builder the text written
   * @param start what {@link #enter} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) LogEvent event, @Advice.Argument(1) StringBuilder builder,
      @Advice.Enter int start) {
    if (start < 0 || event == null) {
      return;
    }
    ReadOnlyStringMap data = event.getContextData();
    if (data == null || data.isEmpty()) {
      return;
    }
    int field = builder.lastIndexOf(FIELD);
    if (field < start) {
      return;
    }
    Level level = event.getLevel();
    String prefix = ContextDataToken.prefix(data.getValue(SessionToken.TOKEN_KEY),
        data.getValue(SessionToken.SESSION_ID_KEY), level != null && level.isMoreSpecificThan(Level.ERROR));
    if (prefix != null) {
      builder.insert(field + FIELD.length(), prefix);
    }
  }
}
