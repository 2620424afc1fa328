package io.openreplay.backend.logback.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchG1Lookup;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogEvent;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Real logback and the real {@code ca.pjer.logback.AwsLogsAppender} (AWS SDK v2, signed JSON over HTTP) writing to a
 * CloudWatch Logs receiver on 127.0.0.1; then OpenReplay's lookup made with the real AWS SDK: {@code FilterLogEvents}
 * with the pattern {@code openReplaySessionToken}, and its client-side rules on what comes back.
 */
class CloudWatchEndToEndTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";
  private static final String GROUP = "/shop/checkout";

  private CloudWatchLogsReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = CloudWatchLogsReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** The README's appender, with the receiver in place of AWS. */
  private static String logbackXml(long maxFlushTimeMillis) {
    return "<configuration>\n"
        + "  <appender name='CLOUDWATCH' class='ca.pjer.logback.AwsLogsAppender'>\n"
        + "    <layout class='io.openreplay.backend.logback.OpenReplayPatternLayout'>\n"
        + "      <pattern>%level %logger{36} - %openReplay%msg%n%ex</pattern>\n"
        + "    </layout>\n"
        + "    <logGroupName>" + GROUP + "</logGroupName>\n"
        + "    <logStreamUuidPrefix>web-</logStreamUuidPrefix>\n"
        + "    <logRegion>eu-west-1</logRegion>\n"
        + "    <cloudWatchEndpoint>${endpoint}</cloudWatchEndpoint>\n"
        + "    <accessKeyId>AKIDLOOPBACK</accessKeyId>\n"
        + "    <secretAccessKey>loopback-secret</secretAccessKey>\n"
        + "    <maxFlushTimeMillis>" + maxFlushTimeMillis + "</maxFlushTimeMillis>\n"
        + "    <maxBlockTimeMillis>0</maxBlockTimeMillis>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='CLOUDWATCH'/></root>\n"
        + "</configuration>\n";
  }

  /** 0: the appender's synchronous mode; 30000: asynchronous, flushed when the appender stops. */
  @ParameterizedTest(name = "maxFlushTimeMillis={0}")
  @ValueSource(longs = {0, 30_000})
  void openReplayFindsTheErrorsOfTheSessionWithTheExactToken(long maxFlushTimeMillis) {
    long start = System.currentTimeMillis() - 1_000;
    try (XmlLogback logback = XmlLogback.configure(logbackXml(maxFlushTimeMillis),
        Map.of("endpoint", receiver.endpoint().toString()))) {
      Logger log = logback.logger("shop.Checkout");
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(TOKEN))) {
        log.info("cart shown");
        log.error("payment failed");
        log.warn("card declined", new IllegalStateException("declined"));
        log.warn("retrying");
      }
      log.error("nightly job failed");
    } // stopping the context stops the appender, which sends what it still holds

    assertEquals(List.of(), receiver.problems());
    List<String> messages = receiver.events(GROUP).stream().map(CloudWatchLogEvent::message)
        .collect(Collectors.toList());
    assertEquals(5, messages.size(), () -> "received: " + messages);
    String prefix = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + SESSION_ID + "] ";
    assertTrue(messages.contains("ERROR shop.Checkout - " + prefix + "payment failed\n"), () -> "received: " + messages);
    assertTrue(messages.contains("ERROR shop.Checkout - nightly job failed\n"), () -> "received: " + messages);

    try (CloudWatchLogsClient client = CloudWatchG1Lookup.clientFor(receiver.endpoint())) {
      List<CloudWatchG1Lookup.Found> found = new CloudWatchG1Lookup(client, GROUP).find(start);
      assertEquals(List.of("ERROR shop.Checkout - " + prefix + "payment failed",
              "WARN shop.Checkout - " + prefix + "card declined"),
          found.stream().map(f -> f.event().message().lines().findFirst().orElse("")).collect(Collectors.toList()));
      found.forEach(f -> assertEquals(TOKEN, f.token()));
      assertTrue(found.get(1).event().message().contains("java.lang.IllegalStateException: declined"));
    }
  }
}
