package io.openreplay.backend.rollbar;

import static io.openreplay.backend.rollbar.RollbarItems.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.fault.FaultDrill;
import io.openreplay.backend.testkit.fault.FaultyEndpoint;
import io.openreplay.backend.testkit.fault.StopDeadline;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's bounded Rollbar configuration (OpenReplayRollbarAppender) against a Rollbar that fails, and a burst
 * against the loopback receiver. rollbar-logback's own sender has no read timeout and flushes its whole queue at
 * stop: with a Rollbar that never answers, stopping logback never returned.
 */
class RollbarFaultsTest {

  private static final Duration EXIT_BOUND = Duration.ofSeconds(15);
  private static final String SUCCESS = "{\"err\": 0, \"result\": {\"id\": null, \"uuid\": \"0\"}}";

  private static XmlLogback logback(String endpoint) throws IOException {
    String xml;
    try (InputStream in = RollbarFaultsTest.class.getResourceAsStream("/rollbar/logback-bounded.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return XmlLogback.configure(xml, Map.of("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN,
        "ROLLBAR_ENDPOINT", endpoint));
  }

  @Test
  void stopsWithinTheBoundWhileRollbarNeverAnswers() throws Exception {
    try (FaultyEndpoint rollbar = FaultyEndpoint.start(Fault.NEVER_ANSWERS, 200, SUCCESS)) {
      XmlLogback logback = logback(rollbar.baseUrl() + "/api/1/item/");
      FaultDrill.burstThenStop(rollbar, logback, SessionToken.parse(TOKEN).orElseThrow(), 1000, true, null);
      // One item is posted and never answered; the 999 behind it are dropped when the flush at close ends, and
      // logback's status says so (the sender's WARN line may find logback's appenders stopped).
      assertTrue(logback.statuses(Status.WARN).contains("Rollbar: 999 items dropped in all"),
          logback.statuses(Status.WARN));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"REFUSED", "SERVER_ERROR", "THROTTLED"})
  void eachItemIsTriedOnceAndStopIsBounded(Fault fault) throws Exception {
    try (FaultyEndpoint rollbar = FaultyEndpoint.start(fault, 200, SUCCESS)) {
      XmlLogback logback = logback(rollbar.baseUrl() + "/api/1/item/");
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 100, true);
      if (fault != Fault.REFUSED) {
        assertTrue(rollbar.awaitAttempts(100, Duration.ofSeconds(30)), "tried: " + rollbar.attempts());
      }
      StopDeadline.run("logback with Rollbar " + fault, logback::close, EXIT_BOUND);
      assertEquals(fault == Fault.REFUSED ? 0 : 100, rollbar.attempts(), "one post an item, no retry storm");
    }
  }

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (RollbarReceiver receiver = RollbarReceiver.start()) {
      Instant since = Instant.now().minusSeconds(1);
      XmlLogback logback = logback(receiver.endpoint());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      receiver.awaitItems(item -> true, 1000, Duration.ofSeconds(60));
      StopDeadline.run("logback after a burst", logback::close, EXIT_BOUND);
      assertEquals(1000, receiver.items().size(), "every item arrived");
      assertEquals(1000, RollbarG1Lookup.run(receiver.items(), since).size(), "OpenReplay's RQL job finds each");
    }
  }
}
