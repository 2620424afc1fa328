package io.openreplay.backend.stackdriver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.cloud.logging.LogEntry;
import com.google.cloud.logging.logback.LoggingEventEnhancer;

/**
 * Puts the OpenReplay token of a logging event on its Cloud Logging entry as the labels
 * {@code openReplaySessionToken} (what OpenReplay up to 1.20 filters on: {@code labels.openReplaySessionToken!=null
 * AND severity>=ERROR}) and {@code openReplaySession.id}.
 *
 * <p>Add it to Google's {@code com.google.cloud.logging.logback.LoggingAppender} with
 * {@code <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer</loggingEventEnhancer>}.
 * Configuring any {@code loggingEventEnhancer} switches off Google's default one, which copies every MDC entry into
 * a label; this enhancer writes only the two OpenReplay labels. To keep the other MDC labels as well, use
 * {@link OpenReplayMdcLoggingEventEnhancer} instead.
 *
 * <p>The token is read from the event's own MDC map , so it is right on asynchronous
 * appenders too, and only values that the contract accepts become labels. Stateless and thread-safe.
 */
public class OpenReplayLoggingEventEnhancer implements LoggingEventEnhancer {

  /** Creates the enhancer; the appender calls this by class name. */
  public OpenReplayLoggingEventEnhancer() {
    super();
  }

  @Override
  public void enhanceLogEntry(LogEntry.Builder builder, ILoggingEvent event) {
    OpenReplayLabels.addTo(builder, event);
  }
}
