package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.LogEventTokens;
import java.util.function.Function;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Writes one value of the event's validated token as a string (the token, or the session id: an unsigned 64-bit
 * number, which may not fit Elasticsearch's {@code long}); the field is left out when the event has no such value.
 */
final class SessionKeyResolver implements EventResolver {

  private final Function<SessionToken, String> value;

  SessionKeyResolver(Function<SessionToken, String> value) {
    this.value = value;
  }

  private String valueOf(LogEvent event) {
    SessionToken token = LogEventTokens.of(event);
    return token == null ? null : value.apply(token);
  }

  @Override
  public boolean isResolvable(LogEvent event) {
    return valueOf(event) != null;
  }

  @Override
  public void resolve(LogEvent event, JsonWriter jsonWriter) {
    String text = valueOf(event);
    if (text == null) {
      jsonWriter.writeNull();
    } else {
      jsonWriter.writeString(text);
    }
  }
}
