package io.openreplay.backend.logback;

import ch.qos.logback.classic.PatternLayout;

/**
 * A logback {@link PatternLayout} that knows the conversion word {@code %openReplay} (see {@link OpenReplayConverter})
 * without a {@code <conversionRule>} in the configuration: for appenders that take a {@code <layout>}, such as
 * CloudWatch's {@code ca.pjer.logback.AwsLogsAppender}.
 *
 * <p>When no pattern is set, {@link #DEFAULT_PATTERN} is used: it puts the level and the OpenReplay prefix in front of
 * every message.
 */
public class OpenReplayPatternLayout extends PatternLayout {

  /**
   * The pattern used when none is configured: level, thread and logger, then the OpenReplay prefix and the message;
   * the stack trace of an exception follows, as with every {@link PatternLayout}.
   */
  public static final String DEFAULT_PATTERN = "%-5level [%thread] %logger{36} - %openReplay%msg%n";

  /** Creates the layout, with {@code %openReplay} registered. */
  public OpenReplayPatternLayout() {
    super();
    getInstanceConverterMap().put(OpenReplayConverter.CONVERSION_WORD, OpenReplayConverter::new);
  }

  @Override
  public void start() {
    if (getPattern() == null || getPattern().isBlank()) {
      setPattern(DEFAULT_PATTERN);
    }
    super.start();
  }
}
