package io.openreplay.backend.bench.jmh;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.LogstashVersionJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelValueJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventPatternJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.composite.loggingevent.ThreadNameJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plain way to write the OpenReplay encoder's document without OpenReplay's code: logstash's composite encoder
 * with its own providers for LogstashEncoder's fields, and its JSON pattern provider (logback patterns, {@code %mdc})
 * for the prefixed message, {@code utc_time}, {@code tags} and the two keys.
 */
final class SameDocumentEncoder {

  /** The OpenReplay fields as a logstash JSON pattern. */
  static final String OPENREPLAY_FIELDS = "{"
      + "\"message\":\"[openReplaySessionToken=%mdc{openReplaySessionToken}] "
      + "[openReplaySession.id=%mdc{openReplaySession.id}] %message\","
      + "\"utc_time\":\"%date{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC}\","
      + "\"tags\":\"#asJson{[\\\"error\\\"]}\","
      + "\"openReplaySessionToken\":\"%mdc{openReplaySessionToken}\","
      + "\"openReplaySession.id\":\"%mdc{openReplaySession.id}\"}";

  private SameDocumentEncoder() {
  }

  /**
   * @param context the logger context
   * @return the started encoder
   */
  static LoggingEventCompositeJsonEncoder start(LoggerContext context) {
    LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
    encoder.setContext(context);
    JsonProviders<ILoggingEvent> providers = encoder.getProviders();
    providers.addProvider(new LoggingEventFormattedTimestampJsonProvider());
    providers.addProvider(new LogstashVersionJsonProvider<>());
    LoggingEventPatternJsonProvider openReplayFields = new LoggingEventPatternJsonProvider();
    openReplayFields.setPattern(OPENREPLAY_FIELDS);
    providers.addProvider(openReplayFields);
    providers.addProvider(new LoggerNameJsonProvider());
    providers.addProvider(new ThreadNameJsonProvider());
    providers.addProvider(new LogLevelJsonProvider());
    providers.addProvider(new LogLevelValueJsonProvider());
    providers.addProvider(new StackTraceJsonProvider());
    MdcJsonProvider mdc = new MdcJsonProvider();
    mdc.addExcludeMdcKeyName("openReplaySessionToken");
    mdc.addExcludeMdcKeyName("openReplaySession.id");
    providers.addProvider(mdc);
    encoder.start();
    return encoder;
  }

  /**
   * Checks that both encoders write the same fields and values for the event, whatever their order.
   *
   * @param same the plain encoder
   * @param openReplay the OpenReplay encoder
   * @param event an event with the token
   * @throws IllegalStateException when they differ: the comparison would not be of the same work
   */
  static void check(LoggingEventCompositeJsonEncoder same, LogstashEncoder openReplay, ILoggingEvent event) {
    JsonMapper mapper = JsonMapper.builder().build();
    Map<?, ?> ours = mapper.readValue(new String(openReplay.encode(event), StandardCharsets.UTF_8), Map.class);
    Map<?, ?> plain = mapper.readValue(new String(same.encode(event), StandardCharsets.UTF_8), Map.class);
    if (!ours.equals(plain)) {
      throw new IllegalStateException("the plain encoder of the same document writes another one:\n" + plain + "\n"
          + ours);
    }
  }
}
