package io.openreplay.backend.httpclient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.openreplay.backend.logback.OpenReplayPatternLayout;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The ERROR events of one logger, as logback hands them to an appender: their MDC and their line as the project's
 * {@code %openReplay} pattern layout renders it.
 */
final class RenderedErrors extends AppenderBase<ILoggingEvent> {

  /** One ERROR event. */
  record Rendered(String line, Map<String, String> mdc) {
  }

  private final ReceivedItems<Rendered> events = new ReceivedItems<>();
  private final OpenReplayPatternLayout layout = new OpenReplayPatternLayout();

  private RenderedErrors() {
  }

  /**
   * @param loggerName the logger whose events to keep
   * @return the started appender, attached to it
   */
  static RenderedErrors of(String loggerName) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    RenderedErrors appender = new RenderedErrors();
    appender.setContext(context);
    appender.layout.setContext(context);
    appender.layout.setPattern("%-5level %logger - %openReplay%msg");
    appender.layout.start();
    appender.start();
    Logger logger = context.getLogger(loggerName);
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
    return appender;
  }

  ReceivedItems<Rendered> events() {
    return events;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      events.add(new Rendered(layout.doLayout(event), Map.copyOf(event.getMDCPropertyMap())));
    }
  }
}
