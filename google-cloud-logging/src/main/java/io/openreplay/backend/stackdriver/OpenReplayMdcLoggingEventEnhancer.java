package io.openreplay.backend.stackdriver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.cloud.logging.LogEntry;
import com.google.cloud.logging.logback.LoggingEventEnhancer;
import java.util.Map;

/**
 * Google's default MDC-to-labels behaviour plus the OpenReplay labels, for appenders that configure other
 * {@code loggingEventEnhancer}s (which switches Google's default one off): every MDC entry of the event becomes a
 * label, as without any enhancer, and the two OpenReplay keys are written as {@link OpenReplayLoggingEventEnhancer}
 * writes them, that is only when their values are ones the contract accepts.
 *
 * <p>Add it with
 * {@code <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayMdcLoggingEventEnhancer</loggingEventEnhancer>}.
 * Stateless and thread-safe.
 */
public class OpenReplayMdcLoggingEventEnhancer implements LoggingEventEnhancer {

  /** Creates the enhancer; the appender calls this by class name. */
  public OpenReplayMdcLoggingEventEnhancer() {
    super();
  }

  @Override
  public void enhanceLogEntry(LogEntry.Builder builder, ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        String key = entry.getKey();
        if (key != null && entry.getValue() != null && !OpenReplayLabels.isOpenReplayKey(key)) {
          builder.addLabel(key, entry.getValue());
        }
      }
    }
    OpenReplayLabels.addTo(builder, event);
  }
}
