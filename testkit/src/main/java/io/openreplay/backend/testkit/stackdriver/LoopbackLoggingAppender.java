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
  public static final String DEFAULT_PROJECT_ID = "openreplay-loopback";

  private int port;
  private String projectId = DEFAULT_PROJECT_ID;
  private LoggingOptions options;

  /** Creates the appender; logback calls this. */
  public LoopbackLoggingAppender() {
    super();
  }

  /**
   * @param port the receiver's port on 127.0.0.1 ({@link StackdriverReceiver#port()})
   */
  public void setPort(int port) {
    this.port = port;
  }

  /**
   * The project id of the log name ({@code projects/PROJECT/logs/LOG}).
   *
   * @param projectId the project id; blank keeps {@value #DEFAULT_PROJECT_ID}
   */
  @Override
  public void setLogDestinationProjectId(String projectId) {
    super.setLogDestinationProjectId(projectId);
    if (projectId != null && !projectId.isBlank()) {
      this.projectId = projectId;
    }
  }

  @Override
  public synchronized void start() {
    if (isStarted()) {
      return;
    }
    if (port <= 0 || port > 65535) {
      addError("LoopbackLoggingAppender [" + getName() + "] needs <port> of its receiver on 127.0.0.1, got " + port);
      return;
    }
    try {
      OffGoogleCloudEnvironment.install();
    } catch (IllegalStateException e) {
      addError("LoopbackLoggingAppender [" + getName() + "] not started", e);
      return;
    }
    setAutoPopulateMetadata(false);
    super.start();
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
      options = LoopbackLoggingOptions.of(projectId, port);
    }
    return options;
  }
}
