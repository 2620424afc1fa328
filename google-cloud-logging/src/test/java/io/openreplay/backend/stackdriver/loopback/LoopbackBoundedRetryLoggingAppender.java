package io.openreplay.backend.stackdriver.loopback;

import com.google.cloud.logging.LoggingOptions;
import io.openreplay.backend.stackdriver.BoundedRetryLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.LoopbackLoggingOptions;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;

/**
 * {@link BoundedRetryLoggingAppender}, unchanged except that it writes to a {@link StackdriverReceiver} on 127.0.0.1
 * (as the testkit's {@link LoopbackLoggingAppender} does for Google's appender): its retry settings go onto the
 * loopback options, whose gRPC layer applies them as Google's does. Configure it as the real appender plus
 * {@code <port>}. For tests, the README's tests and the sample app (this module's test jar).
 */
public class LoopbackBoundedRetryLoggingAppender extends BoundedRetryLoggingAppender {

  private int port;
  private String projectId = LoopbackLoggingAppender.DEFAULT_PROJECT_ID;

  /** Creates the appender; logback calls this. */
  public LoopbackBoundedRetryLoggingAppender() {
    super();
  }

  /**
   * @param port the receiver's port on 127.0.0.1 ({@link StackdriverReceiver#port()})
   */
  public void setPort(int port) {
    this.port = port;
  }

  @Override
  public void setLogDestinationProjectId(String projectId) {
    super.setLogDestinationProjectId(projectId);
    if (projectId != null && !projectId.isBlank()) {
      this.projectId = projectId;
    }
  }

  @Override
  public synchronized void start() {
    if (!isStarted() && LoopbackLoggingAppender.prepare(this, port)) {
      super.start();
    }
  }

  /**
   * @return options that send to the receiver on 127.0.0.1, in place of Google's endpoint
   */
  @Override
  protected LoggingOptions loggingOptionsBeforeRetries() {
    return LoopbackLoggingOptions.of(projectId, port);
  }
}
