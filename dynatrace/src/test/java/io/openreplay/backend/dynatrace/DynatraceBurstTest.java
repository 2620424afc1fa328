package io.openreplay.backend.dynatrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.fault.StopDeadline;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 errors through the README's configuration (the appender's defaults: 8,192 queued, batches of
 * 100) reaches the loopback Dynatrace whole, each record with the session's id as OpenReplay searches it.
 */
class DynatraceBurstTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";

  @Test
  void aBurstOfAThousandErrorsArrivesWhole() throws Exception {
    try (DynatraceReceiver receiver = DynatraceReceiver.start()) {
      XmlLogback logback = XmlLogback.configure(DynatraceEndToEndTest.readmeXml(),
          Map.of("DT_INGEST_URL", receiver.ingestUrl(), "DT_API_TOKEN", DynatraceReceiver.API_TOKEN));
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, false);
      receiver.awaitRecords(record -> true, 1000, Duration.ofSeconds(60));
      StopDeadline.run("logback after a burst", logback::close, Duration.ofSeconds(15));
      assertEquals(1000, receiver.records().size(), "every record arrived");
      assertEquals(1000, receiver.records().stream()
          .filter(record -> "ERROR".equals(record.status()) && SESSION_ID.equals(record.attribute("openReplaySession.id")))
          .count(), "each is an ERROR with the session's id");
    }
  }
}
