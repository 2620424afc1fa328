package io.openreplay.backend.logback.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchException;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG1Lookup;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG2Lookup;
import io.openreplay.backend.testkit.elasticsearch.LogShipper;
import io.openreplay.backend.testkit.elasticsearch.OpenSearchNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real logback and logstash-logback-encoder write JSON lines; they are bulk-indexed into a real OpenSearch node on
 * 127.0.0.1 as a log shipper would; OpenReplay's own G1 and G2 queries then find exactly the session's documents.
 */
class ElasticsearchEndToEndTest {

  /** The contract's test vector. */
  static final String TOKEN_A = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  static final String ID_A = "2618307011354435587";
  static final String TOKEN_B = "k1x2y3z4a5b6.1f.lrraavgc.Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf2De3Cb4Aa5Bb6Cc7";
  static final String ID_B = Long.toUnsignedString(Long.parseUnsignedLong("k1x2y3z4a5b6", 36));
  static final String BARE_ID = "4242424242";

  static final String PROVIDERS = "<providers>"
      + "<timestamp/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.UtcTimeJsonProvider'/>"
      + "<logLevel/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.ErrorTagsJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionTokenJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionIdJsonProvider'/>"
      + "<loggerName/><threadName/>"
      + "<mdc><excludeMdcKeyName>openReplaySessionToken</excludeMdcKeyName>"
      + "<excludeMdcKeyName>openReplaySession.id</excludeMdcKeyName></mdc>"
      + "<stackTrace/>"
      + "</providers>";

  static final String COMPOSITE_ENCODER =
      "<encoder class='net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder'>" + PROVIDERS + "</encoder>";

  static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static OpenSearchNode node;
  static LogShipper shipper;
  static ElasticsearchG1Lookup g1;
  static ElasticsearchG2Lookup g2;

  @TempDir
  Path dir;

  @BeforeAll
  static void startNode() throws URISyntaxException {
    // OpenSearch's Netty logs through SLF4J into the test JVM's default logback context: keep its DEBUG out.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.INFO);
    Path testClasses = Path.of(ElasticsearchEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    node = OpenSearchNode.start(testClasses.getParent().resolve("opensearch"));
    shipper = new LogShipper(node.http());
    g1 = new ElasticsearchG1Lookup(node.http());
    g2 = new ElasticsearchG2Lookup(node.http());
  }

  @AfterAll
  static void stopNode() throws IOException {
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void emptyStore() {
    node.deleteAllIndexes();
  }

  private List<String> logScenario(String encoder) throws IOException {
    Path file = Files.createTempFile(dir, "json", ".log");
    String xml = "<configuration><appender name='JSON' class='ch.qos.logback.core.FileAppender'>"
        + "<file>${logFile}</file>" + encoder + "</appender>"
        + "<root level='INFO'><appender-ref ref='JSON'/></root></configuration>";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("logFile", file.toString()))) {
      Logger log = logback.logger("shop.Checkout");
      inSession(Map.of(SessionToken.TOKEN_KEY, TOKEN_A), () -> {
        log.info("a info");
        log.error("a error one", new IllegalStateException("payment declined"));
        log.error(MarkerFactory.getMarker("billing"), "a error two");
      });
      inSession(Map.of(SessionToken.TOKEN_KEY, TOKEN_B), () -> {
        log.warn("b warn");
        log.error("b error");
      });
      inSession(Map.of(SessionToken.SESSION_ID_KEY, BARE_ID), () -> log.error("bare id error"));
      inSession(Map.of(SessionToken.TOKEN_KEY, "forged] [openReplaySessionToken=x"), () -> log.error("forged error"));
      log.error("no session error");
      log.info("no session info");
      assertEquals("", logback.statuses(ch.qos.logback.core.status.Status.ERROR));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(9, lines.size(), String.join("\n", lines));
    return lines;
  }

  private static void inSession(Map<String, String> mdc, Runnable logging) {
    mdc.forEach(MDC::put);
    MDC.put("requestId", "r-1");
    try {
      logging.run();
    } finally {
      MDC.clear();
    }
  }

  private static Set<String> messages(List<String> texts) {
    return texts.stream().map(text -> text.substring(text.lastIndexOf("] ") + 2)).collect(Collectors.toSet());
  }

  private void assertOpenReplayFindsExactlyTheSessions(List<String> lines, long since) {
    for (String line : lines) {
      JsonNode document = STRICT.readTree(line);
      assertTrue(document.path("utc_time").isString(), line);
      assertTrue(document.path("level").isString(), line);
      assertTrue(document.has("@timestamp"), line);
    }
    List<String> ids = shipper.ship(ElasticsearchG2Lookup.INDEX, lines);
    assertEquals(lines.size(), ids.size());

    ElasticsearchG1Lookup.Result g1Result = g1.find(since);
    assertEquals(List.of(), g1Result.shardFailures());
    assertEquals(List.of(), g1Result.rejected());
    assertEquals(3, g1Result.found().size(), g1Result.toString());
    List<ElasticsearchG1Lookup.Hit> sessionA = g1Result.linkedTo(TOKEN_A);
    assertEquals(Set.of("a error one", "a error two"),
        messages(sessionA.stream().map(ElasticsearchG1Lookup.Hit::message).toList()));
    assertEquals(List.of("b error"), g1Result.linkedTo(TOKEN_B).stream()
        .map(hit -> hit.message().substring(hit.message().lastIndexOf("] ") + 2)).toList());
    for (ElasticsearchG1Lookup.Hit hit : g1Result.found()) {
      assertFalse(hit.utcTime().isBefore(Instant.ofEpochMilli(since)), hit.toString());
      assertEquals(hit.source().path(SessionToken.TOKEN_KEY).asString(), hit.token());
      assertTrue(hit.source().path("tags").toString().contains("\"error\""), hit.toString());
    }
    assertTrue(g1.find(Instant.now().plusSeconds(60).toEpochMilli()).found().isEmpty(), "range on utc_time ignored");

    ElasticsearchG2Lookup.Result g2A = g2.find(ID_A);
    assertEquals(List.of(), g2A.rejected());
    assertEquals(3, g2A.total());
    assertEquals(Set.of("a info", "a error one", "a error two"),
        messages(g2A.found().stream().map(ElasticsearchG2Lookup.Hit::message).toList()));
    assertEquals(Set.of("INFO", "ERROR"),
        g2A.found().stream().map(ElasticsearchG2Lookup.Hit::level).collect(Collectors.toSet()));
    for (ElasticsearchG2Lookup.Hit hit : g2A.found()) {
      assertEquals(ID_A, hit.source().path(SessionToken.SESSION_ID_KEY).asString(), hit.toString());
      assertEquals(TOKEN_A, hit.source().path(SessionToken.TOKEN_KEY).asString(), hit.toString());
      assertEquals("r-1", hit.source().path("requestId").asString(), hit.toString());
    }
    ElasticsearchG2Lookup.Result g2B = g2.find(ID_B);
    assertEquals(Set.of("b warn", "b error"),
        messages(g2B.found().stream().map(ElasticsearchG2Lookup.Hit::message).toList()));
    ElasticsearchG2Lookup.Result bare = g2.find(BARE_ID);
    assertEquals(List.of("[openReplaySession.id=" + BARE_ID + "] bare id error"),
        bare.found().stream().map(ElasticsearchG2Lookup.Hit::message).toList());
  }

  @Test
  void compositeEncoderDocumentsAreFoundByBothGenerations() throws IOException {
    long since = System.currentTimeMillis() - 1000;
    List<String> lines = logScenario(COMPOSITE_ENCODER);
    assertOpenReplayFindsExactlyTheSessions(lines, since);
  }

  @Test
  void logstashEncoderVariantDocumentsAreFoundByBothGenerations() throws IOException {
    long since = System.currentTimeMillis() - 1000;
    List<String> lines = logScenario(
        "<encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'/>");
    assertOpenReplayFindsExactlyTheSessions(lines, since);
    JsonNode first = STRICT.readTree(lines.get(1));
    assertTrue(first.has("stack_trace"), lines.get(1));
    assertEquals("[\"error\",\"billing\"]", STRICT.readTree(lines.get(2)).path("tags").toString(), lines.get(2));
  }

  @Test
  void logstashEncoderVariantKeepsAnMdcWhitelistWithoutTheOpenReplayKeys() throws IOException {
    long since = System.currentTimeMillis() - 1000;
    List<String> lines = logScenario("<encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'>"
        + "<includeMdcKeyName>requestId</includeMdcKeyName>"
        + "<includeMdcKeyName>openReplaySessionToken</includeMdcKeyName></encoder>");
    assertOpenReplayFindsExactlyTheSessions(lines, since);
  }

  @Test
  void elasticsearchRefusesTheDuplicateKeysOfANaiveConfiguration() throws IOException {
    List<String> lines = logScenario("<encoder class='net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder'>"
        + "<providers><timestamp/><message/><mdc/>"
        + "<provider class='io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider'/>"
        + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionTokenJsonProvider'/>"
        + "</providers></encoder>");
    ElasticsearchException refused = assertThrows(ElasticsearchException.class,
        () -> shipper.ship(ElasticsearchG2Lookup.INDEX, lines));
    assertTrue(refused.getMessage().toLowerCase().contains("duplicate"), refused.getMessage());
  }

  @Test
  void g1SkipsANumericUtcTimeAndCutsATokenWithANegativeDelayShort() {
    long since = System.currentTimeMillis() - 1000;
    String now = Instant.now().toString();
    String negativeDelay = "jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
    shipper.ship("app-log-1", List.of(
        "{\"message\":\"[openReplaySessionToken=" + negativeDelay + "] negative\",\"utc_time\":\"" + now
            + "\",\"tags\":[\"error\"],\"@timestamp\":\"" + now + "\",\"level\":\"ERROR\"}",
        "{\"message\":\"[openReplaySessionToken=" + TOKEN_A + "] numeric\",\"utc_time\":" + System.currentTimeMillis()
            + ",\"tags\":[\"error\"],\"@timestamp\":\"" + now + "\",\"level\":\"ERROR\"}"));
    ElasticsearchG1Lookup.Result result = g1.find(since);
    assertEquals(List.of(), result.shardFailures());
    assertEquals(1, result.rejected().size(), result.toString());
    assertTrue(result.rejected().get(0).reason().contains("utc_time is not a string"), result.toString());
    assertEquals(1, result.found().size(), result.toString());
    assertEquals("jw4wdfpgqhoj.", result.found().get(0).token());
    assertNotEquals(negativeDelay, result.found().get(0).token());
  }
}
