package io.openreplay.backend.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;

/**
 * A logback pattern encoder that knows the conversion word {@code %openReplay} (see {@link OpenReplayConverter})
 * without a {@code <conversionRule>}: a drop-in for {@code ch.qos.logback.classic.encoder.PatternLayoutEncoder} in
 * appenders that take an {@code <encoder>}. When no pattern is set, {@link OpenReplayPatternLayout#DEFAULT_PATTERN} is
 * used.
 */
public class OpenReplayPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {

  /** Creates the encoder; configure it with {@code <pattern>} as any pattern encoder. */
  public OpenReplayPatternLayoutEncoder() {
    super();
  }

  @Override
  public void start() {
    OpenReplayPatternLayout patternLayout = new OpenReplayPatternLayout();
    patternLayout.setContext(context);
    patternLayout.setPattern(getPattern());
    patternLayout.setOutputPatternAsHeader(outputPatternAsHeader);
    patternLayout.start();
    this.layout = patternLayout;
    super.start();
  }
}
