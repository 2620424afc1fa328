package io.openreplay.backend.sample.demo;

import io.openreplay.backend.testkit.cloudwatch.CloudWatchG1Lookup;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogEvent;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** CloudWatch Logs: the testkit's Logs JSON protocol receiver; OpenReplay G1's FilterLogEvents and message rules. */
final class CloudWatchStation implements ProviderStation {

  /** The log group, as a user would enter it in OpenReplay's form. */
  static final String LOG_GROUP = "openreplay-demo";

  /** The region the sample application and the lookup use; nothing leaves 127.0.0.1. */
  static final String REGION = "us-east-1";

  private CloudWatchLogsReceiver receiver;

  @Override
  public Provider provider() {
    return Provider.CLOUDWATCH;
  }

  @Override
  public void start() throws IOException {
    receiver = CloudWatchLogsReceiver.start();
  }

  @Override
  public String address() {
    return receiver.endpoint().toString();
  }

  @Override
  public void breakReceiver() {
    receiver.close();
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("CLOUDWATCH_LOG_GROUP", LOG_GROUP)
        .env("CLOUDWATCH_ENDPOINT", receiver.endpoint().toString())
        .env("AWS_REGION", REGION)
        .env("AWS_ACCESS_KEY_ID", "AKIDOPENREPLAYDEMO")
        .env("AWS_SECRET_ACCESS_KEY", "openreplay-demo")
        .env("AWS_EC2_METADATA_DISABLED", "true");
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) {
    List<CloudWatchLogEvent> events = receiver.events(LOG_GROUP);
    int withToken = (int) events.stream()
        .filter(event -> TokenMentions.inText(event.message()))
        .count();
    List<String> g1Tokens;
    try (CloudWatchLogsClient client = CloudWatchG1Lookup.clientFor(receiver.endpoint())) {
      g1Tokens = new CloudWatchG1Lookup(client, LOG_GROUP).find(since.toEpochMilli()).stream()
          .map(CloudWatchG1Lookup.Found::token).toList();
    }
    return ProviderJudgement.judge(provider(), sessions, events.size(), withToken, g1Tokens,
        receiver.problems());
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
