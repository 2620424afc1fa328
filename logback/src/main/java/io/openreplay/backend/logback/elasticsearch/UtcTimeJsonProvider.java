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

  /** The text of the last second written, up to its fraction ({@code 2024-01-24T04:27:39.}), and that second. */
  private volatile SecondText lastSecond = new SecondText(Long.MIN_VALUE, "");

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    JsonWritingUtils.writeStringField(generator, getFieldName(), format(event.getTimeStamp()));
  }

  /**
   * The RFC 3339 text of a time: the second's text is made once a second and kept, the milliseconds appended.
   *
   * @param epochMillis milliseconds since the epoch
   * @return the text, as {@link #RFC_3339_UTC} writes it
   */
  String format(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    SecondText known = lastSecond;
    if (known.second != second) {
      String full = RFC_3339_UTC.format(java.time.Instant.ofEpochSecond(second));
      known = new SecondText(second, full.substring(0, full.length() - 4));
      lastSecond = known;
    }
    char[] fraction = {(char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
    return known.text.concat(new String(fraction));
  }

  /** A second and its text. */
  private static final class SecondText {
    final long second;
    final String text;

    SecondText(long second, String text) {
      this.second = second;
      this.text = text;
    }
  }
}
