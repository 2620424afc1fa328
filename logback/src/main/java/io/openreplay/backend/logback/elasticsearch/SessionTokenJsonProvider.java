package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.logback.EventTokens;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the session token as its own field, {@code openReplaySessionToken}, when the event carries a valid one; nothing
 * otherwise. The value is the validated token, never the raw MDC value.
 *
 * <p>The MDC holds the same key: when logstash's {@code <mdc>} is also configured, add
 * {@code <excludeMdcKeyName>openReplaySessionToken</excludeMdcKeyName>} to it (Elasticsearch rejects a duplicate
 * key). In logback XML: {@code <provider class="io.openreplay.backend.logback.elasticsearch.SessionTokenJsonProvider"/>},
 * with the optional {@code <fieldName>}.
 */
public class SessionTokenJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** Creates the provider, writing {@value SessionToken#TOKEN_KEY}. */
  public SessionTokenJsonProvider() {
    setFieldName(SessionToken.TOKEN_KEY);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    SessionToken token = EventTokens.of(event);
    if (token != null && token.token() != null) {
      JsonWritingUtils.writeStringField(generator, getFieldName(), token.token());
    }
  }
}
