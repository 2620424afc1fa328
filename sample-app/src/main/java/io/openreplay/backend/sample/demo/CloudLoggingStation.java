package io.openreplay.backend.sample.demo;

import com.google.logging.v2.LogEntry;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.StackdriverLookup;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import java.time.Instant;
import java.util.List;

/**
 * Google Cloud Logging: the testkit's gRPC {@code WriteLogEntries} receiver, written to by the testkit's loopback
 * copy of Google's logback appender; OpenReplay G1's filter.
 */
final class CloudLoggingStation implements ProviderStation {

  /** The log name, as a user would enter it in OpenReplay's form. */
  static final String LOG_NAME = "sample-app";

  private StackdriverReceiver receiver;
  /** Kept at start: a gRPC server no longer tells its port once it is shut down. */
  private int port;

  @Override
  public Provider provider() {
    return Provider.CLOUD_LOGGING;
  }

  @Override
  public void start() {
    receiver = StackdriverReceiver.start();
    port = receiver.port();
  }

  @Override
  public String address() {
    return "grpc://127.0.0.1:" + port;
  }

  @Override
  public void breakReceiver() {
    receiver.close();
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.property("openreplay.demo.cloudLoggingPort", Integer.toString(port))
        .env("GOOGLE_CLOUD_LOG_NAME", LOG_NAME)
        .env("NO_GCE_CHECK", "true");
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) {
    List<LogEntry> entries = receiver.entries();
    int withToken = (int) entries.stream()
        .filter(entry -> entry.containsLabels(StackdriverLookup.TOKEN_LABEL)
            || entry.containsLabels(SessionToken.SESSION_ID_KEY))
        .count();
    StackdriverLookup lookup = new StackdriverLookup(LoopbackLoggingAppender.DEFAULT_PROJECT_ID, LOG_NAME);
    List<String> g1Tokens = lookup.find(entries, since).stream().map(StackdriverLookup.Found::token).toList();
    return ProviderJudgement.judge(provider(), sessions, entries.size(), withToken, g1Tokens, List.of());
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
