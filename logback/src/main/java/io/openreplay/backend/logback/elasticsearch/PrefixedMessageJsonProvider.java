package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.Generations;
import io.openreplay.backend.logback.OpenReplayPrefix;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the {@code message} field: the OpenReplay prefix ({@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] },
 * see {@link OpenReplayPrefix}) followed by the formatted message. OpenReplay G1 matches {@code openReplaySessionToken=}
 * in this field and cuts the token out of it; G2 matches the phrase {@code openReplaySession.id=<id>}. An event without
 * a token gets its plain message.
 *
 * <p>Use it instead of logstash's {@code <message/>}, never next to it (the key would be written twice). In logback
 * XML: {@code <provider class="io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider"/>}, with the
 * optional {@code <generations>G1|G2|BOTH</generations>} (default {@code BOTH}) and {@code <fieldName>}.
 */
public class PrefixedMessageJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** The field OpenReplay searches. */
  public static final String FIELD_MESSAGE = "message";

  private Generations generations = Generations.BOTH;

  /** Creates the provider, writing {@value #FIELD_MESSAGE} for both generations. */
  public PrefixedMessageJsonProvider() {
    setFieldName(FIELD_MESSAGE);
  }

  /**
   * Narrows the prefix to one generation.
   *
   * @param generations {@code G1}, {@code G2} or {@code BOTH} (any case); anything else means {@code BOTH}
   */
  public void setGenerations(String generations) {
    this.generations = Generations.parse(generations);
  }

  /**
   * @return the generations the prefix serves
   */
  public String getGenerations() {
    return generations.name();
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    String message = event.getFormattedMessage();
    StringBuilder text = new StringBuilder(112 + (message == null ? 0 : message.length()));
    text.append(OpenReplayPrefix.forEvent(event, generations));
    if (message != null) {
      text.append(message);
    }
    JsonWritingUtils.writeStringField(generator, getFieldName(), text.toString());
  }
}
