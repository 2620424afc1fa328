package io.openreplay.backend.stackdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Value;
import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.stackdriver.StackdriverLookup;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Real logback, Google's real {@code LoggingAppender} and its real gRPC client, writing over a socket to a
 * {@code WriteLogEntries} receiver on 127.0.0.1; then OpenReplay's own Stackdriver filter on what arrived.
 */
class StackdriverEndToEndTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";
  private static final String PROJECT = "openreplay-e2e";
  private static final String LOG = "checkout-service";

  private StackdriverReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = StackdriverReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** The appender as a user writes it, with the receiver's port in place of Google's endpoint. */
  private static String logbackXml(String enhancers) {
    return "<configuration>\n"
        + "  <appender name='CLOUD' class='io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender'>\n"
        + "    <port>${port}</port>\n"
        + "    <log>" + LOG + "</log>\n"
        + "    <logDestinationProjectId>" + PROJECT + "</logDestinationProjectId>\n"
        + enhancers
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='CLOUD'/></root>\n"
        + "</configuration>\n";
  }

  static Stream<Arguments> enhancerSetups() {
    return Stream.of(
        Arguments.of("OpenReplay enhancer (Google's default MDC enhancer off)",
            "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer"
                + "</loggingEventEnhancer>\n"),
        Arguments.of("OpenReplay enhancer beside Google's trace enhancer",
            "    <loggingEventEnhancer>com.google.cloud.logging.logback.TraceLoggingEventEnhancer</loggingEventEnhancer>\n"
                + "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer"
                + "</loggingEventEnhancer>\n"),
        Arguments.of("OpenReplay MDC enhancer (keeps the other MDC labels)",
            "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayMdcLoggingEventEnhancer"
                + "</loggingEventEnhancer>\n"),
        Arguments.of("no enhancer configured: Google's default MDC enhancer", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enhancerSetups")
  void errorsOfASessionCarryTheLabelsOpenReplayFilters(String setup, String enhancers) {
    Instant before = Instant.now().minusSeconds(1);
    try (XmlLogback logback = XmlLogback.configure(logbackXml(enhancers), Map.of("port", "" + receiver.port()))) {
      Logger log = logback.logger("shop.Checkout");
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(TOKEN))) {
        log.error("payment failed");
        log.error("card declined", new IllegalStateException("declined"));
        log.info("cart shown");
      }
      log.error("nightly job failed");
    } // stopping the context stops the appender, which waits for every write under way

    List<LogEntry> entries = entriesOfTheLog();
    assertEquals(4, entries.size(), () -> "entries of " + LOG + ": " + entries);

    LogEntry payment = byMessage(entries, "payment failed");
    assertEquals(TOKEN, payment.getLabelsOrDefault(SessionToken.TOKEN_KEY, null));
    assertEquals(SESSION_ID, payment.getLabelsOrDefault(SessionToken.SESSION_ID_KEY, null));
    assertEquals(LogSeverity.ERROR, payment.getSeverity());
    assertEquals("projects/" + PROJECT + "/logs/" + LOG, payment.getLogName());

    LogEntry declined = byMessage(entries, "card declined");
    assertEquals(TOKEN, declined.getLabelsOrDefault(SessionToken.TOKEN_KEY, null));
    assertEquals(SESSION_ID, declined.getLabelsOrDefault(SessionToken.SESSION_ID_KEY, null));
    assertEquals(LogSeverity.ERROR, declined.getSeverity());
    assertTrue(message(declined).contains("java.lang.IllegalStateException: declined"), () -> message(declined));

    LogEntry shown = byMessage(entries, "cart shown");
    assertEquals(LogSeverity.INFO, shown.getSeverity());
    assertEquals(TOKEN, shown.getLabelsOrDefault(SessionToken.TOKEN_KEY, null));

    LogEntry nightly = byMessage(entries, "nightly job failed");
    assertFalse(nightly.containsLabels(SessionToken.TOKEN_KEY), () -> "labels: " + nightly.getLabelsMap());
    assertFalse(nightly.containsLabels(SessionToken.SESSION_ID_KEY), () -> "labels: " + nightly.getLabelsMap());

    List<StackdriverLookup.Found> found = new StackdriverLookup(PROJECT, LOG).find(receiver.entries(), before);
    assertEquals(List.of("payment failed", "card declined"),
        found.stream().map(f -> message(f.entry()).lines().findFirst().orElse("")).collect(Collectors.toList()));
    found.forEach(f -> assertEquals(TOKEN, f.token()));
  }

  @Test
  void theMdcEnhancerKeepsOtherMdcLabelsAndDropsForgedTokens() {
    String enhancers = "    <loggingEventEnhancer>com.google.cloud.logging.logback.TraceLoggingEventEnhancer"
        + "</loggingEventEnhancer>\n"
        + "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayMdcLoggingEventEnhancer"
        + "</loggingEventEnhancer>\n";
    try (XmlLogback logback = XmlLogback.configure(logbackXml(enhancers), Map.of("port", "" + receiver.port()))) {
      Logger log = logback.logger("shop.Checkout");
      MDC.put("tenant", "acme");
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(TOKEN))) {
        log.error("payment failed");
      }
      MDC.put(SessionToken.TOKEN_KEY, "x\" OR labels.a=\"b");
      log.error("forged");
    } finally {
      MDC.clear();
    }

    List<LogEntry> entries = entriesOfTheLog();
    LogEntry payment = byMessage(entries, "payment failed");
    assertEquals("acme", payment.getLabelsOrDefault("tenant", null));
    assertEquals(TOKEN, payment.getLabelsOrDefault(SessionToken.TOKEN_KEY, null));
    assertEquals(SESSION_ID, payment.getLabelsOrDefault(SessionToken.SESSION_ID_KEY, null));

    LogEntry forged = byMessage(entries, "forged");
    assertEquals("acme", forged.getLabelsOrDefault("tenant", null));
    assertFalse(forged.containsLabels(SessionToken.TOKEN_KEY), () -> "labels: " + forged.getLabelsMap());
    assertEquals(List.of(), new StackdriverLookup(PROJECT, LOG).find(List.of(forged), Instant.EPOCH));
  }

  @Test
  void theLookupSpellsOpenReplaysFilter() {
    StackdriverLookup lookup = new StackdriverLookup("p1", "app");
    assertEquals("logName = \"projects/p1/logs/app\" AND labels.openReplaySessionToken!=null AND severity>=ERROR"
        + " AND timestamp>=\"2024-01-24T04:27:39Z\"", lookup.filter(Instant.parse("2024-01-24T04:27:39Z")));
  }

  /** What the receiver holds for the configured log, without the library's one-off diagnostic entry. */
  private List<LogEntry> entriesOfTheLog() {
    String logName = "projects/" + PROJECT + "/logs/" + LOG;
    return receiver.entries().stream().filter(e -> logName.equals(e.getLogName())).collect(Collectors.toList());
  }

  private static LogEntry byMessage(List<LogEntry> entries, String messageStart) {
    LogEntry entry = entries.stream().filter(e -> message(e).startsWith(messageStart)).findFirst().orElse(null);
    assertNotNull(entry, () -> "no entry '" + messageStart + "' in " + entries);
    return entry;
  }

  private static String message(LogEntry entry) {
    Value message = entry.getJsonPayload().getFieldsMap().get("message");
    assertNotNull(message, () -> "no message field in " + entry);
    return message.getStringValue();
  }
}
