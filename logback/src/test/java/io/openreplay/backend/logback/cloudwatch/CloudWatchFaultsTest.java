package io.openreplay.backend.logback.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchG1Lookup;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.fault.FaultDrill;
import io.openreplay.backend.testkit.fault.FaultyEndpoint;
import io.openreplay.backend.testkit.fault.StopDeadline;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The README's CloudWatch configuration (a queue of 2,000 lines that never blocks the application, behind a
 * BoundedStopAppender) against a CloudWatch that fails, and a burst of 1,000 errors against the loopback receiver.
 * The appender's client (AWS SDK v2, 30 s socket timeout, 3 retries) cannot be bounded from logback.xml; without
 * the BoundedStopAppender, stopping logback waits for every queued batch to time out.
 */
class CloudWatchFaultsTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String GROUP = "/my-app/backend";
  private static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  /** The README's appender, with the endpoint and static credentials of the test. */
  private static XmlLogback logback(String endpoint) {
    String xml = "<configuration>\n"
        + "  <appender name='CLOUDWATCH' class='ca.pjer.logback.AwsLogsAppender'>\n"
        + "    <layout class='io.openreplay.backend.logback.OpenReplayPatternLayout'>\n"
        + "      <pattern>%level %logger{36} - %openReplay%msg%n%ex</pattern>\n"
        + "    </layout>\n"
        + "    <logGroupName>" + GROUP + "</logGroupName>\n"
        + "    <logStreamUuidPrefix>backend-</logStreamUuidPrefix>\n"
        + "    <logRegion>eu-west-1</logRegion>\n"
        + "    <cloudWatchEndpoint>${endpoint}</cloudWatchEndpoint>\n"
        + "    <accessKeyId>AKIDLOOPBACK</accessKeyId>\n"
        + "    <secretAccessKey>loopback-secret</secretAccessKey>\n"
        + "    <maxFlushTimeMillis>5000</maxFlushTimeMillis>\n"
        + "    <maxBatchLogEvents>1000</maxBatchLogEvents>\n"
        + "    <maxBlockTimeMillis>0</maxBlockTimeMillis>\n"
        + "  </appender>\n"
        + "  <appender name='CLOUDWATCH_BOUNDED' class='io.openreplay.backend.logback.BoundedStopAppender'>\n"
        + "    <maxStopMillis>5000</maxStopMillis>\n"
        + "    <appender-ref ref='CLOUDWATCH'/>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='CLOUDWATCH_BOUNDED'/></root>\n"
        + "</configuration>\n";
    return XmlLogback.configure(xml, Map.of("endpoint", endpoint));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"NEVER_ANSWERS", "REFUSED", "SERVER_ERROR", "THROTTLED"})
  void stopIsBoundedWhenCloudWatchFails(Fault fault) throws Exception {
    try (FaultyEndpoint cloudWatch = FaultyEndpoint.start(fault, 200, "{}")) {
      FaultDrill.burstThenStop(cloudWatch, logback(cloudWatch.baseUrl()), SessionToken.parse(TOKEN).orElseThrow(),
          fault == Fault.NEVER_ANSWERS ? 1000 : 100, false, null);
    }
  }

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (CloudWatchLogsReceiver receiver = CloudWatchLogsReceiver.start()) {
      long since = System.currentTimeMillis() - 1000;
      XmlLogback logback = logback(receiver.endpoint().toString());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      StopDeadline.run("logback after a burst", logback::close, EXIT_BOUND);
      assertEquals(1000, receiver.events(GROUP).size(), "every line arrived");
      try (CloudWatchLogsClient client = CloudWatchG1Lookup.clientFor(receiver.endpoint())) {
        assertEquals(1000, new CloudWatchG1Lookup(client, GROUP).find(since).size(), "OpenReplay finds each");
      }
    }
  }
}
