package io.openreplay.backend.logback.datadog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogLog;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * Real logback 1.5 and logstash-logback-encoder 9 writing what a Java team ships to Datadog, to a Datadog receiver on
 * 127.0.0.1: a JSON file and a plain file tailed by the model of the Datadog Agent, and logstash's
 * {@code LogstashTcpSocketAppender} to the TCP intake with the API key in front of each line. Then OpenReplay's own
 * lookups over HTTP: G2's {@code openReplaySession.id=<id>} on index {@code main} and G1's
 * {@code status:error openReplaySessionToken}. Both must find the request's ERROR, and nothing of another session or
 * of no session.
 */
class DatadogEndToEndTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";
  /** Another session, whose id starts with the first one's: neither lookup may mix them up. */
  private static final String OTHER_TOKEN = "jw4wdfpgqhoja.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String PREFIX = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + SESSION_ID
      + "] ";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private DatadogReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = DatadogReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** One request with the token, one of another session, then a line outside any request. */
  private static void logTheScenario(Logger log) {
    try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(TOKEN))) {
      log.info("cart shown");
      log.error("payment failed");
      log.warn("card declined", new IllegalStateException("declined"));
    }
    try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(OTHER_TOKEN))) {
      log.error("another session failed");
    }
    log.error("nightly job failed");
  }

  private void assertOpenReplayFindsTheRequestsErrorOnly(long from) throws InterruptedException {
    assertEquals(List.of(), receiver.problems());
    List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(SESSION_ID);
    List<String> contents = shown.stream().map(DatadogG2Lookup.Shown::content).map(DatadogEndToEndTest::firstLine)
        .collect(Collectors.toList());
    assertTrue(contents.stream().anyMatch(line -> line.contains(PREFIX + "payment failed")), contents::toString);
    assertTrue(contents.stream().allMatch(line -> line.contains(PREFIX)),
        () -> "only the session's records: " + contents);
    assertEquals("ERROR", shown.stream().filter(s -> firstLine(s.content()).endsWith("payment failed"))
        .findFirst().orElseThrow().status());

    List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000);
    List<String> tokens = found.stream().map(DatadogG1Lookup.Found::token).collect(Collectors.toList());
    assertTrue(tokens.contains(TOKEN), () -> "G1 finds the request's error: " + found);
    assertEquals(2, found.size(), () -> "the two errors with a token, of the two sessions, and not the nightly job: "
        + found);
    assertTrue(tokens.contains(OTHER_TOKEN), tokens::toString);
    for (DatadogG1Lookup.Found f : found) {
      String message = f.payload().path("content").path("message").asString();
      assertTrue(message.contains(f.token().equals(TOKEN) ? "payment failed" : "another session failed"), message);
    }
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  @Test
  void theAgentTailingAJsonFileWrittenByOpenReplayLogstashEncoder(@TempDir Path folder) throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    Path file = folder.resolve("app.json");
    String xml = "<configuration>\n"
        + "  <appender name='JSON' class='ch.qos.logback.core.FileAppender'>\n"
        + "    <file>${file}</file>\n"
        + "    <encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'/>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='JSON'/></root>\n"
        + "</configuration>\n";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("file", file.toString()))) {
      logTheScenario(logback.logger("shop.Checkout"));
    }
    assertEquals(5, DatadogAgentTail.of(file, receiver, "shop", "java").shipNewLines());
    List<DatadogLog> logs = receiver.logs();
    DatadogLog error = logs.stream().filter(log -> log.message().endsWith("payment failed")).findFirst()
        .orElseThrow();
    assertEquals(PREFIX + "payment failed", error.message());
    assertEquals("error", error.status(), "from the JSON level");
    assertEquals(SESSION_ID, error.attributeText("openReplaySession.id"), "also an attribute");
    assertEquals("warn", logs.stream().filter(log -> log.message().endsWith("card declined")).findFirst()
        .orElseThrow().status());
    assertOpenReplayFindsTheRequestsErrorOnly(from);
  }

  @Test
  void theAgentTailingAPlainFileWithOpenReplayInDatadogsRawPattern(@TempDir Path folder) throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    Path file = folder.resolve("app.log");
    String xml = "<configuration>\n"
        + "  <appender name='FILE' class='ch.qos.logback.core.FileAppender'>\n"
        + "    <file>${file}</file>\n"
        + "    <encoder class='io.openreplay.backend.logback.OpenReplayPatternLayoutEncoder'>\n"
        + "      <pattern>%d{yyyy-MM-dd HH:mm:ss} %-5p %c{1}:%L - %openReplay%m%n</pattern>\n"
        + "    </encoder>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='FILE'/></root>\n"
        + "</configuration>\n";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("file", file.toString()))) {
      logTheScenario(logback.logger("shop.Checkout"));
    }
    DatadogAgentTail.of(file, receiver, "shop", "java")
        .withMultiLine(Pattern.compile("\\d{4}\\-(0?[1-9]|1[012])\\-(0?[1-9]|[12][0-9]|3[01])")).shipNewLines();
    List<DatadogLog> logs = receiver.logs();
    assertEquals(5, logs.size(), () -> "the stack trace stays with its line: " + logs);
    DatadogLog error = logs.stream().filter(log -> log.message().endsWith(PREFIX + "payment failed")).findFirst()
        .orElseThrow(() -> new AssertionError(logs.toString()));
    assertEquals("error", error.status(), "Datadog's Java pipeline reads the level after the date");
    assertOpenReplayFindsTheRequestsErrorOnly(from);
  }

  @Test
  void logstashsTcpAppenderToDatadogsTcpIntake() throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    String xml = "<configuration>\n"
        + "  <appender name='DATADOG' class='net.logstash.logback.appender.LogstashTcpSocketAppender'>\n"
        + "    <destination>127.0.0.1:${port}</destination>\n"
        + "    <keepAliveDuration>20 seconds</keepAliveDuration>\n"
        + "    <encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'>\n"
        + "      <prefix class='ch.qos.logback.core.encoder.LayoutWrappingEncoder'>\n"
        + "        <layout class='ch.qos.logback.classic.PatternLayout'>\n"
        + "          <pattern>${apiKey} %mdc{keyThatDoesNotExist}</pattern>\n"
        + "        </layout>\n"
        + "      </prefix>\n"
        + "    </encoder>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='DATADOG'/></root>\n"
        + "</configuration>\n";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("port", Integer.toString(receiver.tcpPort()),
        "apiKey", DatadogReceiver.API_KEY))) {
      logTheScenario(logback.logger("shop.Checkout"));
      assertEquals(5, receiver.awaitLogs(log -> true, 5, WAIT).size(), () -> "received: " + receiver.logs()
          + " " + receiver.problems());
    }
    DatadogLog error = receiver.logs().stream().filter(log -> log.message().endsWith("payment failed")).findFirst()
        .orElseThrow();
    assertEquals(PREFIX + "payment failed", error.message());
    assertEquals("error", error.status());
    assertOpenReplayFindsTheRequestsErrorOnly(from);
  }
}
