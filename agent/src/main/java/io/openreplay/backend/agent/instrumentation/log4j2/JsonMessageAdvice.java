package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.ContextDataToken;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * {@code MessageResolver.resolve(LogEvent, JsonWriter)} of {@code JsonTemplateLayout} (the {@code message} resolver
 * of its templates, ECS, Logstash and GELF included): when the resolver wrote the message as a JSON string, the
 * prefix of the token the event's context data carries goes right after the string's opening quote, for the events
 * the prefix mode selects. A message written as a JSON object ({@code MapMessage}, {@code fallbackKey}) is left
 * alone. The prefix is made of characters that JSON strings take as they are.
 */
public final class JsonMessageAdvice {

  private JsonMessageAdvice() {
  }

  /**
   * @param writer the layout's writer
   * @return where the resolver begins to write
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static int enter(@Advice.Argument(1) JsonWriter writer) {
    return writer == null ? -1 : writer.getStringBuilder().length();
  }

  /**
   * @param event the event being rendered
   * @param writer the layout's writer
   * @param start what {@link #enter} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(0) LogEvent event, @Advice.Argument(1) JsonWriter writer,
      @Advice.Enter int start) {
    if (start < 0 || event == null) {
      return;
    }
    StringBuilder json = writer.getStringBuilder();
    if (json.length() <= start + 1 || json.charAt(start) != '"') {
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
      json.insert(start + 1, prefix);
    }
  }
}
