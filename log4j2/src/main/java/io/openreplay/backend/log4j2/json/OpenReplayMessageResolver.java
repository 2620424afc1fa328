package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.Generations;
import io.openreplay.backend.log4j2.LogEventPrefix;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;

/**
 * Writes the event's formatted message as a string, preceded by the OpenReplay prefix when the event carries a token
 * ({@link LogEventPrefix}). The event itself is left as it is.
 */
final class OpenReplayMessageResolver implements EventResolver {

  private final Generations generations;

  OpenReplayMessageResolver(Generations generations) {
    this.generations = generations;
  }

  @Override
  public void resolve(LogEvent event, JsonWriter jsonWriter) {
    Message message = event.getMessage();
    String text = message == null ? null : message.getFormattedMessage();
    String prefix = LogEventPrefix.of(event, generations);
    if (prefix.isEmpty()) {
      if (text == null) {
        jsonWriter.writeNull();
      } else {
        jsonWriter.writeString(text);
      }
      return;
    }
    StringBuilder prefixed = new StringBuilder(prefix.length() + (text == null ? 0 : text.length()));
    prefixed.append(prefix);
    if (text != null) {
      prefixed.append(text);
    }
    jsonWriter.writeString(prefixed);
  }
}
