package io.openreplay.backend.testkit.stackdriver;

import com.google.cloud.logging.LoggingOptions;
import com.google.cloud.logging.logback.LoggingAppender;

/**
 * Google's logback {@link LoggingAppender}, unchanged except that it writes to a {@link StackdriverReceiver} on
 * 127.0.0.1: for tests and demos that check a {@code logback.xml} without a Google Cloud project.
 *
 * <p>Configure it as the real appender, plus the receiver's port:
 * <pre>{@code
 * <appender name="CLOUD" class="io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender">
 *   <port>PORT</port>
 *   <log>my-app</log>
 *   <logDestinationProjectId>my-project</logDestinationProjectId>
 *   <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer</loggingEventEnhancer>
 * </appender>
 * }</pre>
 * It never reaches past 127.0.0.1: no credentials, a fixed project id ({@value #DEFAULT_PROJECT_ID} unless
 * {@code logDestinationProjectId} is set), no metadata auto-population, and the library is told it runs outside
 * Google Cloud (for the whole JVM). Stopping the appender waits for the entries under way, so after
 * {@link #stop()} the receiver holds everything logged.
 */
public class LoopbackLoggingAppender extends LoggingAppender {

  /** The project id used when none is configured. */
  public static final String DEFAULT_PROJECT_ID = LoopbackTarget.DEFAULT_PROJECT_ID;

  private final LoopbackTarget target = new LoopbackTarget();
  private LoggingOptions options;

  /** Creates the appender; logback calls this. */
  public LoopbackLoggingAppender() {
    super();
  }

  /**
   * @param port the receiver's port on 127.0.0.1 ({@link StackdriverReceiver#port()})
   */
  public void setPort(int port) {
    target.setPort(port);
  }

  /**
   * The project id of the log name ({@code projects/PROJECT/logs/LOG}).
   *
   * @param projectId the project id; blank keeps {@value #DEFAULT_PROJECT_ID}
   */
  @Override
  public void setLogDestinationProjectId(String projectId) {
    super.setLogDestinationProjectId(projectId);
    target.setProjectId(projectId);
  }

  @Override
  public synchronized void start() {
    if (!isStarted() && target.prepare(this)) {
      super.start();
    }
  }

  @Override
  public synchronized void stop() {
    super.stop();
    options = null;
  }

  /**
   * @return options that send to the receiver on 127.0.0.1 (built once for each start)
   */
  @Override
  protected synchronized LoggingOptions getLoggingOptions() {
    if (options == null) {
      options = target.options();
    }
    return options;
  }
}
