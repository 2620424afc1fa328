package io.openreplay.backend.stackdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.fault.FaultDrill;
import io.openreplay.backend.testkit.fault.FaultyEndpoint;
import io.openreplay.backend.testkit.fault.StopDeadline;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.stackdriver.StackdriverLookup;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's Cloud Logging configuration (flushLevel OFF, so that no logging call waits for Cloud Logging, behind
 * a BoundedStopAppender) against a Cloud Logging that fails, and a burst of 1,000 errors against the loopback
 * receiver. Google's client cannot be bounded from logback.xml: its stop waits for every pending write.
 */
class StackdriverFaultsTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String PROJECT = "my-project";
  private static final String LOG = "my-app";
  private static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  /** The README's appender, with the loopback copy of Google's appender in place of Google's endpoint. */
  private static XmlLogback logback(int port) {
    String xml = "<configuration>\n"
        + "  <appender name='CLOUD' class='io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender'>\n"
        + "    <port>${port}</port>\n"
        + "    <log>" + LOG + "</log>\n"
        + "    <logDestinationProjectId>" + PROJECT + "</logDestinationProjectId>\n"
        + "    <flushLevel>OFF</flushLevel>\n"
        + "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer"
        + "</loggingEventEnhancer>\n"
        + "  </appender>\n"
        + "  <appender name='CLOUD_BOUNDED' class='io.openreplay.backend.logback.BoundedStopAppender'>\n"
        + "    <maxStopMillis>5000</maxStopMillis>\n"
        + "    <appender-ref ref='CLOUD'/>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='CLOUD_BOUNDED'/></root>\n"
        + "</configuration>\n";
    return XmlLogback.configure(xml, Map.of("port", Integer.toString(port)));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"NEVER_ANSWERS", "REFUSED"})
  void stopsWithinTheBoundWhileCloudLoggingIsDown(Fault fault) throws Exception {
    try (FaultyEndpoint cloudLogging = FaultyEndpoint.start(fault, 200, "{}")) {
      FaultDrill.burstThenStop(cloudLogging, logback(cloudLogging.port()), SessionToken.parse(TOKEN).orElseThrow(),
          1000, false, null);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "THROTTLED"})
  void stopIsBoundedWhenCloudLoggingFails(Fault fault) throws Exception {
    try (StackdriverReceiver receiver = StackdriverReceiver.start()) {
      receiver.failWith(fault);
      XmlLogback logback = logback(receiver.port());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 100, false);
      StopDeadline.run("logback with Cloud Logging " + fault, logback::close, EXIT_BOUND);
      assertEquals(0, receiver.entries().size(), "a failing Cloud Logging keeps nothing");
    }
  }

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (StackdriverReceiver receiver = StackdriverReceiver.start()) {
      Instant since = Instant.now().minusSeconds(1);
      XmlLogback logback = logback(receiver.port());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      receiver.awaitEntries(1000, Duration.ofSeconds(60));
      StopDeadline.run("logback after a burst", logback::close, EXIT_BOUND);
      assertEquals(1000, receiver.entries().size(), "every entry arrived");
      assertEquals(1000, new StackdriverLookup(PROJECT, LOG).find(receiver.entries(), since).size(),
          "OpenReplay's filter finds each");
    }
  }
}
