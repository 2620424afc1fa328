package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.logback.EventTokens;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the numeric session id as its own field, {@code openReplaySession.id}, when the event carries a token of
 * OpenReplay's shape or a bare session id; nothing otherwise. The id is written as a string: it is an unsigned 64-bit
 * number, which may not fit Elasticsearch's {@code long}.
 *
 * <p>The MDC holds the same key: when logstash's {@code <mdc>} is also configured, add
 * {@code <excludeMdcKeyName>openReplaySession.id</excludeMdcKeyName>} to it (Elasticsearch rejects a duplicate key).
 * In logback XML: {@code <provider class="io.openreplay.backend.logback.elasticsearch.SessionIdJsonProvider"/>}, with
 * the optional {@code <fieldName>}.
 */
public class SessionIdJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** Creates the provider, writing {@value SessionToken#SESSION_ID_KEY}. */
  public SessionIdJsonProvider() {
    setFieldName(SessionToken.SESSION_ID_KEY);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    SessionToken token = EventTokens.of(event);
    if (token != null && token.sessionId() != null) {
      JsonWritingUtils.writeStringField(generator, getFieldName(), token.sessionId());
    }
  }
}
