package io.openreplay.backend.testkit.stackdriver;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceRpc;
import com.google.cloud.logging.LoggingOptions;
import com.google.cloud.logging.spi.LoggingRpcFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link LoggingOptions} that send to a {@link StackdriverReceiver} on 127.0.0.1 and nowhere else: a fixed project
 * id, no credentials, no metadata auto-population (which would ask a metadata server), and an RPC layer over a
 * plaintext channel to the receiver's port.
 */
public final class LoopbackLoggingOptions {

  private LoopbackLoggingOptions() {
  }

  /**
   * @param projectId the project id the entries are written under ({@code projects/PROJECT/logs/LOG})
   * @param port the receiver's port on 127.0.0.1
   * @return options for {@code LoggingOptions#getService()} or a logback {@code LoggingAppender}
   */
  public static LoggingOptions of(String projectId, int port) {
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalArgumentException("a project id is needed");
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    return LoggingOptions.newBuilder()
        .setProjectId(projectId)
        .setCredentials(NoCredentials.getInstance())
        .setHost("127.0.0.1:" + port)
        .setAutoPopulateMetadata(false)
        .setServiceRpcFactory(new Factory(port))
        .build();
  }

  private static final class Factory implements LoggingRpcFactory {
    private final int port;

    Factory(int port) {
      this.port = port;
    }

    @Override
    public ServiceRpc create(LoggingOptions options) {
      try {
        return new LoopbackLoggingRpc(options, port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a channel to the receiver on 127.0.0.1:" + port, e);
      }
    }
  }
}
