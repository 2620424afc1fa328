package io.openreplay.backend.testkit.stackdriver;

import com.google.cloud.logging.LoggingOptions;
import com.google.cloud.logging.logback.LoggingAppender;

/**
 * Where a loopback copy of a Google logback appender writes: a {@link StackdriverReceiver}'s port on 127.0.0.1 and
 * the project id of the log name. {@link LoopbackLoggingAppender} holds one; so can a loopback subclass of another
 * appender built on Google's {@link LoggingAppender}, which then passes its {@code <port>} and
 * {@code <logDestinationProjectId>} here, calls {@link #prepare} before it starts and sends with {@link #options()}.
 * Set while logback configures the appender, read when it starts.
 */
public final class LoopbackTarget {

  /** The project id used when none is configured. */
  public static final String DEFAULT_PROJECT_ID = "openreplay-loopback";

  private int port;
  private String projectId = DEFAULT_PROJECT_ID;

  /**
   * @param port the receiver's port on 127.0.0.1 ({@link StackdriverReceiver#port()})
   */
  public void setPort(int port) {
    this.port = port;
  }

  /**
   * @param projectId the project id of the log name ({@code projects/PROJECT/logs/LOG}); blank keeps
   *     {@value #DEFAULT_PROJECT_ID}
   */
  public void setProjectId(String projectId) {
    if (projectId != null && !projectId.isBlank()) {
      this.projectId = projectId;
    }
  }

  /**
   * Readies the appender to start against the receiver: checks the port, tells the library that it runs outside
   * Google Cloud (for the whole JVM) and switches metadata auto-population off (both would ask a metadata server).
   *
   * @param appender the appender about to start
   * @return whether it may start; when not, the reason is an error of the appender's status
   */
  public boolean prepare(LoggingAppender appender) {
    String name = appender.getClass().getSimpleName() + " [" + appender.getName() + "]";
    if (port <= 0 || port > 65535) {
      appender.addError(name + " needs <port> of its receiver on 127.0.0.1, got " + port);
      return false;
    }
    try {
      OffGoogleCloudEnvironment.install();
    } catch (IllegalStateException e) {
      appender.addError(name + " not started", e);
      return false;
    }
    appender.setAutoPopulateMetadata(false);
    return true;
  }

  /**
   * @return new options that send to the receiver ({@link LoopbackLoggingOptions#of})
   */
  public LoggingOptions options() {
    return LoopbackLoggingOptions.of(projectId, port);
  }
}
