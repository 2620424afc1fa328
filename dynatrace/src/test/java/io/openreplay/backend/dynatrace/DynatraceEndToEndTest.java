package io.openreplay.backend.dynatrace;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.testkit.dynatrace.DynatraceLogRecord;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceShownLog;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The README's logback.xml with the appender sending over a real socket to the loopback Dynatrace, and OpenReplay's
 * own requests (OAuth token, then the search) made over HTTP on what arrived. Closing the logback context stops the
 * appender, which sends what is queued: the records have arrived when {@code close()} returns.
 */
class DynatraceEndToEndTest {

  private static DynatraceReceiver receiver;

  @BeforeAll
  static void start() throws IOException {
    receiver = DynatraceReceiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  @BeforeEach
  void clear() {
    receiver.clear();
  }

  @AfterEach
  void nothingRefused() {
    assertEquals(List.of(), receiver.problems());
  }

  static String readmeXml() throws IOException {
    try (InputStream in = DynatraceEndToEndTest.class.getResourceAsStream("/dynatrace/logback.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static XmlLogback logback() throws IOException {
    return XmlLogback.configure(readmeXml(), Map.of("DT_INGEST_URL", receiver.ingestUrl(),
        "DT_API_TOKEN", DynatraceReceiver.API_TOKEN));
  }

  @Test
  void theErrorOfARequestIsFoundByOpenReplayAndNothingElse() throws Exception {
    String otherToken = Tokens.forSession(4242424242L);
    try (XmlLogback logback = logback()) {
      Logger log = logback.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        log.error("dynatrace: checkout failed", new IllegalStateException("declined"));
        log.warn("dynatrace: a warning");
        log.info("dynatrace: an info line");
      }
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(otherToken).orElseThrow())) {
        log.error("dynatrace: another session's error");
      }
      log.error("dynatrace: outside any request");
      assertEquals("", logback.statuses(ch.qos.logback.core.status.Status.WARN), "no drop, no warning");
    }
    List<DynatraceLogRecord> records = receiver.records();
    assertEquals(5, records.size(), () -> "all records arrived: " + records);

    List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(CONTRACT_ID);
    assertEquals(Set.of("error", "warn"), shown.stream().map(DynatraceShownLog::status).collect(Collectors.toSet()));
    assertEquals(2, shown.size(), () -> "the ERROR and the WARN of the session only: " + shown);
    DynatraceShownLog error = shown.stream().filter(log -> log.status().equals("error")).findFirst().orElseThrow();
    assertTrue(error.content().startsWith("dynatrace: checkout failed\njava.lang.IllegalStateException: declined"),
        error.content());
    assertEquals(CONTRACT_ID, error.attribute("openReplaySession.id").orElseThrow());
    assertEquals(CONTRACT_TOKEN, error.attribute("openReplaySessionToken").orElseThrow());
    assertEquals("shop.Checkout", error.attribute("logger.name").orElseThrow());

    List<DynatraceShownLog> other = DynatraceLookup.of(receiver).forSession(Long.toString(4242424242L));
    assertEquals(List.of("dynatrace: another session's error"),
        other.stream().map(DynatraceShownLog::content).toList());
    DynatraceLogRecord outside = records.stream().filter(r -> r.content().equals("dynatrace: outside any request"))
        .findFirst().orElseThrow();
    assertEquals(null, outside.attribute("openReplaySession.id"));
    assertEquals("ERROR", outside.status());
  }

  @Test
  void aBurstOfErrorsArrivesWhole() throws Exception {
    try (XmlLogback logback = logback()) {
      Logger log = logback.logger("shop.Burst");
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        for (int i = 0; i < 2000; i++) {
          log.error("burst {}", i);
        }
      }
    }
    assertEquals(2000, receiver.records().size());
    assertEquals(1000, DynatraceLookup.of(receiver).forSession(CONTRACT_ID).size(), "OpenReplay's limit=1000");
  }

  @Test
  void aBatchAnswered429IsSentAgainAndArrives() throws Exception {
    receiver.answerNextIngestsWith(429, 1);
    try (XmlLogback logback = logback()) {
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        logback.logger("shop.Retry").error("dynatrace: after a 429");
      }
      List<DynatraceLogRecord> arrived = receiver.awaitRecords(r -> true, 1, java.time.Duration.ofSeconds(30));
      assertEquals(1, arrived.size(), "sent again after the default backoff");
    }
    assertEquals(2, receiver.ingestRequests());
    assertEquals(1, DynatraceLookup.of(receiver).forSession(CONTRACT_ID).size());
  }
}
