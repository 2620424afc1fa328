package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the {@code utc_time} field: the event's time as an RFC 3339 string in UTC with milliseconds, for example
 * {@code 2024-01-24T04:27:39.324Z}. OpenReplay G1 filters on a range of this field, sorts by it and reads it back as an
 * RFC 3339 <em>string</em> (a number is rejected); Elasticsearch's dynamic mapping makes it a {@code date}.
 *
 * <p>In logback XML: {@code <provider class="io.openreplay.backend.logback.elasticsearch.UtcTimeJsonProvider"/>}, with
 * the optional {@code <fieldName>}.
 */
public class UtcTimeJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** The field OpenReplay G1 reads. */
  public static final String FIELD_UTC_TIME = "utc_time";

  /** RFC 3339, UTC, always three fraction digits. */
  static final DateTimeFormatter RFC_3339_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Creates the provider, writing {@value #FIELD_UTC_TIME}. */
  public UtcTimeJsonProvider() {
    setFieldName(FIELD_UTC_TIME);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    JsonWritingUtils.writeStringField(generator, getFieldName(), RFC_3339_UTC.format(event.getInstant()));
  }
}
