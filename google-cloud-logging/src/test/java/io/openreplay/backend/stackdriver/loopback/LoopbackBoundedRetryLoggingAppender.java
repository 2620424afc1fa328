package io.openreplay.backend.stackdriver.loopback;

import com.google.cloud.logging.LoggingOptions;
import io.openreplay.backend.stackdriver.BoundedRetryLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.LoopbackTarget;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;

/**
 * {@link BoundedRetryLoggingAppender}, unchanged except that it writes to a {@link StackdriverReceiver} on 127.0.0.1
 * (as the testkit's {@link LoopbackLoggingAppender} does for Google's appender): its retry settings go onto the
 * loopback options, whose gRPC layer applies them as Google's does. Configure it as the real appender plus
 * {@code <port>}. For tests, the README's tests and the sample app (this module's test jar).
 */
public class LoopbackBoundedRetryLoggingAppender extends BoundedRetryLoggingAppender {

  private final LoopbackTarget target = new LoopbackTarget();

  /**
   * @param port the receiver's port on 127.0.0.1 ({@link StackdriverReceiver#port()})
   */
  public void setPort(int port) {
    target.setPort(port);
  }

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

  /**
   * @return options that send to the receiver on 127.0.0.1, in place of Google's endpoint
   */
  @Override
  protected LoggingOptions loggingOptionsBeforeRetries() {
    return target.options();
  }
}
