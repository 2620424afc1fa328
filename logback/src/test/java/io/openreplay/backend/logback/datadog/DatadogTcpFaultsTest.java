package io.openreplay.backend.logback.datadog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
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

/**
 * The README's agentless Datadog appender (logstash's LogstashTcpSocketAppender, with its bounds: 5 s to connect, to
 * write and to drain at stop, behind a BoundedStopAppender) against a TCP intake that refuses or never reads, and a
 * burst of 1,000 errors against the loopback intake. Without the BoundedStopAppender, an intake that never reads
 * holds logback's stop for up to a minute (the appender's own, fixed, wait for its threads). The TCP intake has no status to answer: 5xx and 429 are the HTTP intake's, which the Agent
 * uses, not the application.
 */
class DatadogTcpFaultsTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";
  private static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  /** The README's appender without {@code <ssl/>} (the loopback intake is plain TCP). */
  private static XmlLogback logback(int port) {
    String xml = "<configuration>\n"
        + "  <appender name='DATADOG_TCP' class='net.logstash.logback.appender.LogstashTcpSocketAppender'>\n"
        + "    <destination>127.0.0.1:${port}</destination>\n"
        + "    <keepAliveDuration>20 seconds</keepAliveDuration>\n"
        + "    <connectionTimeout>5 seconds</connectionTimeout>\n"
        + "    <writeTimeout>5 seconds</writeTimeout>\n"
        + "    <shutdownGracePeriod>5 seconds</shutdownGracePeriod>\n"
        + "    <encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'>\n"
        + "      <prefix class='ch.qos.logback.core.encoder.LayoutWrappingEncoder'>\n"
        + "        <layout class='ch.qos.logback.classic.PatternLayout'>\n"
        + "          <pattern>${apiKey} %mdc{keyThatDoesNotExist}</pattern>\n"
        + "        </layout>\n"
        + "      </prefix>\n"
        + "    </encoder>\n"
        + "  </appender>\n"
        + "  <appender name='DATADOG_TCP_BOUNDED' class='io.openreplay.backend.logback.BoundedStopAppender'>\n"
        + "    <maxStopMillis>5000</maxStopMillis>\n"
        + "    <appender-ref ref='DATADOG_TCP'/>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='DATADOG_TCP_BOUNDED'/></root>\n"
        + "</configuration>\n";
    return XmlLogback.configure(xml, Map.of("port", Integer.toString(port), "apiKey", DatadogReceiver.API_KEY));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"NEVER_ANSWERS", "REFUSED"})
  void stopsWithinTheBoundWhileTheIntakeIsDown(Fault fault) throws Exception {
    try (FaultyEndpoint intake = FaultyEndpoint.start(fault, 200, "{}")) {
      FaultDrill.burstThenStop(intake, logback(intake.port()), SessionToken.parse(TOKEN).orElseThrow(), 1000, true,
          null);
    }
  }

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (DatadogReceiver receiver = DatadogReceiver.start()) {
      XmlLogback logback = logback(receiver.tcpPort());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      receiver.awaitLogs(entry -> true, 1000, Duration.ofSeconds(60));
      StopDeadline.run("logback after a burst", logback::close, EXIT_BOUND);
      assertEquals(1000, receiver.logs().size(), "every line arrived: " + receiver.problems());
      assertEquals(1000, receiver.logs().stream()
          .filter(entry -> "error".equals(entry.status())
              && entry.message().contains("openReplaySession.id=" + SESSION_ID + "]"))
          .count(), "each is an error whose message OpenReplay's searches read");
    }
  }
}
