package io.openreplay.backend.sentry;

import static io.openreplay.backend.sentry.SentryLogbackEndToEndTest.SESSION_ID;
import static io.openreplay.backend.sentry.SentryLogbackEndToEndTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.fault.FaultDrill;
import io.openreplay.backend.testkit.fault.FaultyEndpoint;
import io.openreplay.backend.testkit.fault.StopDeadline;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.Sentry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's bounded Sentry configuration against a Sentry that fails, and a burst against the loopback receiver.
 * Stopping is what the application's exit does: logback stops, then Sentry's shutdown hook closes Sentry (flush
 * within shutdownTimeoutMillis, then the transport within flushTimeoutMillis). With Sentry's defaults (30 s read
 * timeout, 15 s flush at close, 30 events queued) the exit takes longer than 15 s and a burst loses most events.
 */
class SentryFaultsTest {

  private static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  @BeforeEach
  @AfterEach
  void noSentry() {
    Sentry.close();
  }

  private static XmlLogback logback(String dsn) throws IOException {
    XmlLogback logback = XmlLogback.configure(SentryLogbackEndToEndTest.resource("/sentry/logback-bounded.xml"),
        Map.of("SENTRY_DSN", dsn));
    assertTrue(Sentry.isEnabled(), "the appender initialised Sentry: " + logback.statuses(0));
    return logback;
  }

  private static String dsnOf(FaultyEndpoint sentry) {
    return "http://" + SentryReceiver.PUBLIC_KEY + "@127.0.0.1:" + sentry.port() + "/" + SentryReceiver.PROJECT_ID;
  }

  private static void stopLikeTheApplication(XmlLogback logback, String what) throws Exception {
    StopDeadline.run(what, () -> {
      logback.close();
      Sentry.close();
    }, EXIT_BOUND);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"NEVER_ANSWERS", "REFUSED", "SERVER_ERROR", "THROTTLED"})
  void stopIsBoundedWhenSentryFails(Fault fault) throws Exception {
    try (FaultyEndpoint sentry = FaultyEndpoint.start(fault, 200, "{}")) {
      FaultDrill.burstThenStop(sentry, logback(dsnOf(sentry)), SessionToken.parse(TOKEN).orElseThrow(),
          fault == Fault.NEVER_ANSWERS ? 1000 : 100, true, Sentry::close);
      if (fault != Fault.REFUSED) {
        assertTrue(sentry.attempts() >= 1, "the transport posted");
      }
    }
  }

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (SentryReceiver receiver = SentryReceiver.start()) {
      XmlLogback logback = logback(receiver.dsn());
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      receiver.awaitEvents(event -> true, 1000, Duration.ofSeconds(60));
      stopLikeTheApplication(logback, "logback and Sentry after a burst");
      assertEquals(1000, receiver.events().size(), "every event arrived");
      assertEquals(1000, SentryG1Lookup.linkedTo(receiver.events(), TOKEN).size(), "G1 finds each");
      assertEquals(1000, SentryG2Lookup.forSession(receiver.events(), SESSION_ID).size(), "G2 finds each");
    }
  }
}
