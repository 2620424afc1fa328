package io.openreplay.backend.log4j2.json;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.XmlLog4j;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceShownLog;
import io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Log4j 2 {@code JsonTemplateLayout} with the shipped event template {@code OpenReplayLayout.json} writes JSON
 * lines; they are checked by the rules of OpenReplay's Elasticsearch queries, tailed by the test kit's Datadog Agent
 * model into the loopback Datadog and read by its OneAgent model into the loopback Dynatrace, where OpenReplay's own
 * lookups must find exactly the session's records. The same events logged without a token, or with a layout without
 * the OpenReplay resolvers, are compared field by field.
 */
class OpenReplayLayoutTest {

  static final String PREFIX = "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID
      + "] ";
  static final String OTHER = Tokens.forSession(4_242_424_242L);
  static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  static final Pattern G1_TOKEN = Pattern.compile("(?i)openReplaySessionToken=([0-9a-zA-Z\\.]+)");

  @TempDir
  Path dir;

  @AfterEach
  void clearThreadContext() {
    ThreadContext.clearMap();
  }

  private Path log(String layout, boolean withTokens) throws IOException {
    Path file = dir.resolve("app-" + System.nanoTime() + ".json");
    String xml = "<Configuration status='WARN'><Appenders><File name='JSON' fileName='" + file + "'>" + layout
        + "</File></Appenders><Loggers><Root level='INFO'><AppenderRef ref='JSON'/></Root></Loggers></Configuration>";
    try (XmlLog4j log4j = XmlLog4j.configure(xml)) {
      Logger log = log4j.logger("shop.Checkout");
      ThreadContext.put("requestId", "r-1");
      inRequest(withTokens ? CONTRACT_TOKEN : null, () -> {
        log.info("cart shown");
        log.error("payment failed", new IllegalStateException("card declined"));
        log.error(MarkerManager.getMarker("billing"), "payment failed again");
      });
      inRequest(withTokens ? OTHER : null, () -> log.error("other session"));
      log.error("nightly job failed");
      assertEquals(List.of(), log4j.warnings());
    }
    return file;
  }

  private static void inRequest(String token, Runnable logging) {
    if (token == null) {
      logging.run();
      return;
    }
    try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(token).orElseThrow())) {
      logging.run();
    }
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      documents.add(STRICT.readTree(line));
    }
    return documents;
  }

  static final String TEMPLATE = "<JsonTemplateLayout eventTemplateUri='classpath:OpenReplayLayout.json'/>";

  @Test
  void documentsCarryWhatOpenReplaysElasticsearchQueriesRead() throws IOException {
    List<JsonNode> documents = documents(log(TEMPLATE, true));
    assertEquals(5, documents.size(), documents::toString);
    for (JsonNode document : documents) {
      assertTrue(document.path("utc_time").isString(), document::toString);
      Instant utc = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(document.path("utc_time").asString()));
      assertTrue(utc.isAfter(Instant.now().minusSeconds(60)), document::toString);
      assertTrue(document.path("@timestamp").isString(), document::toString);
      assertTrue(document.path("level").isString(), document::toString);
      assertEquals("r-1", document.path("mdc").path("requestId").asString(), document::toString);
      assertFalse(document.path("mdc").has(SessionToken.TOKEN_KEY), document::toString);
      assertFalse(document.path("mdc").has(SessionToken.SESSION_ID_KEY), document::toString);
    }
    // G1: match message "openReplaySessionToken=", term tags "error", the token cut out of the message
    List<String> g1Tokens = new ArrayList<>();
    for (JsonNode document : documents) {
      String message = document.path("message").asString();
      boolean error = document.path("tags").toString().contains("\"error\"");
      Matcher token = G1_TOKEN.matcher(message);
      if (error && message.contains("openReplaySessionToken=") && token.find()) {
        g1Tokens.add(token.group(1));
      }
    }
    assertEquals(List.of(CONTRACT_TOKEN, CONTRACT_TOKEN, OTHER), g1Tokens);
    // G2: match_phrase message "openReplaySession.id=<id>"
    List<String> g2 = documents.stream().map(document -> document.path("message").asString())
        .filter(message -> message.contains("openReplaySession.id=" + CONTRACT_ID + "]")).collect(Collectors.toList());
    assertEquals(List.of(PREFIX + "cart shown", PREFIX + "payment failed", PREFIX + "payment failed again"), g2);

    assertEquals("[\"error\"]", documents.get(1).path("tags").toString());
    assertEquals("[\"error\",\"billing\"]", documents.get(2).path("tags").toString());
    assertFalse(documents.get(0).has("tags"), "an INFO without marker has no tags");
    assertEquals(CONTRACT_TOKEN, documents.get(1).path(SessionToken.TOKEN_KEY).asString());
    assertEquals(CONTRACT_ID, documents.get(1).path(SessionToken.SESSION_ID_KEY).asString());
    assertTrue(documents.get(1).path("stack_trace").asString().contains("card declined"));
    JsonNode outside = documents.get(4);
    assertEquals("nightly job failed", outside.path("message").asString());
    assertFalse(outside.has(SessionToken.TOKEN_KEY) || outside.has(SessionToken.SESSION_ID_KEY), outside::toString);
  }

  @Test
  void withoutATokenTheDocumentsAreThoseOfThePlainResolversAndTheTokenAddsOnlyItsKeys() throws IOException {
    List<JsonNode> with = documents(log(TEMPLATE, true));
    List<JsonNode> without = documents(log(TEMPLATE, false));
    for (int i = 0; i < with.size(); i++) {
      JsonNode plain = without.get(i);
      assertFalse(plain.has(SessionToken.TOKEN_KEY) || plain.has(SessionToken.SESSION_ID_KEY), plain::toString);
      assertFalse(plain.path("message").asString().contains("openReplay"), plain::toString);
      tools.jackson.databind.node.ObjectNode stripped = ((tools.jackson.databind.node.ObjectNode) with.get(i)).deepCopy();
      stripped.remove(List.of(SessionToken.TOKEN_KEY, SessionToken.SESSION_ID_KEY, "@timestamp", "utc_time",
          "stack_trace"));
      stripped.put("message", stripped.path("message").asString().replaceFirst("^(\\[openReplay[^\\]]*\\] )+", ""));
      tools.jackson.databind.node.ObjectNode plainStripped = ((tools.jackson.databind.node.ObjectNode) plain).deepCopy();
      plainStripped.remove(List.of("@timestamp", "utc_time", "stack_trace"));
      assertEquals(plainStripped, stripped);
      assertEquals(plain.has("stack_trace"), with.get(i).has("stack_trace"));
    }
    // Log4j's own message resolver writes what openReplayMessage writes without a token
    List<JsonNode> logj4Own = documents(log("<JsonTemplateLayout eventTemplate='{\"message\": {\"$resolver\": "
        + "\"message\", \"stringified\": true}}'/>", false));
    for (int i = 0; i < logj4Own.size(); i++) {
      assertEquals(logj4Own.get(i).path("message"), without.get(i).path("message"));
    }
  }

  @Test
  void datadogsAgentShipsTheFileAndOpenReplaysLookupsFindTheSessionsRecords() throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    Path file = log(TEMPLATE, true);
    try (DatadogReceiver receiver = DatadogReceiver.start()) {
      assertEquals(5, DatadogAgentTail.of(file, receiver, "my-app", "java").shipNewLines());
      List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(CONTRACT_ID);
      assertEquals(List.of(PREFIX + "cart shown", PREFIX + "payment failed", PREFIX + "payment failed again"),
          shown.stream().map(s -> s.content().lines().findFirst().orElse("")).collect(Collectors.toList()));
      assertEquals(List.of(), DatadogG2Lookup.of(receiver).find("4242424243"));
      List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000);
      assertEquals(List.of(CONTRACT_TOKEN, CONTRACT_TOKEN, OTHER),
          found.stream().map(DatadogG1Lookup.Found::token).collect(Collectors.toList()));
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void oneAgentShipsTheFileAndOpenReplaysLookupFindsTheSessionsErrors() throws Exception {
    Path file = log(TEMPLATE, true);
    try (DynatraceReceiver receiver = DynatraceReceiver.start()) {
      assertEquals(5, new OneAgentJsonLogFile(file, Set.of(SessionToken.SESSION_ID_KEY)).shipNewLines(receiver));
      List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(CONTRACT_ID);
      assertEquals(Set.of(PREFIX + "payment failed", PREFIX + "payment failed again"),
          shown.stream().map(DynatraceShownLog::content).collect(Collectors.toSet()));
      assertEquals(2, shown.size(), shown::toString);
      assertTrue(shown.stream().allMatch(s -> s.result().path("status").asString().equals("ERROR")), shown::toString);
      assertEquals(1, DynatraceLookup.of(receiver).forSession("4242424242").size());
      assertEquals(List.of(), receiver.problems());
    }
  }
}
