package io.openreplay.backend.logback.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the providers write, through real logback and logstash-logback-encoder, configured from XML. */
class OpenReplayJsonProvidersTest {

  static final String TOKEN = ElasticsearchEndToEndTest.TOKEN_A;
  static final String ID = ElasticsearchEndToEndTest.ID_A;
  static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @TempDir
  Path dir;

  private List<JsonNode> log(String encoder, Map<String, String> mdc, Consumer<Logger> logging) throws IOException {
    Path file = Files.createTempFile(dir, "json", ".log");
    String xml = "<configuration><appender name='JSON' class='ch.qos.logback.core.FileAppender'>"
        + "<file>${logFile}</file>" + encoder + "</appender>"
        + "<root level='INFO'><appender-ref ref='JSON'/></root></configuration>";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("logFile", file.toString()))) {
      mdc.forEach(MDC::put);
      try {
        logging.accept(logback.logger("json"));
      } finally {
        MDC.clear();
      }
      assertEquals("", logback.statuses(Status.ERROR));
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(STRICT::readTree).toList();
  }

  private static String composite(String providers) {
    return "<encoder class='net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder'><providers>" + providers
        + "</providers></encoder>";
  }

  private static final String ALL = "<provider class='io.openreplay.backend.logback.elasticsearch.UtcTimeJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.ErrorTagsJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionTokenJsonProvider'/>"
      + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionIdJsonProvider'/>";

  @Test
  void eventWithATokenGetsPrefixFieldsAndErrorTag() throws IOException {
    Instant before = Instant.now().minusMillis(1);
    List<JsonNode> documents = log(composite(ALL), Map.of(SessionToken.TOKEN_KEY, TOKEN), log -> log.error("boom"));
    JsonNode document = documents.get(0);
    assertEquals("[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + ID + "] boom",
        document.path("message").asString());
    assertEquals(TOKEN, document.path("openReplaySessionToken").asString());
    assertEquals(ID, document.path("openReplaySession.id").asString());
    assertTrue(document.path("openReplaySession.id").isString());
    assertEquals("[\"error\"]", document.path("tags").toString());
    String utcTime = document.path("utc_time").asString();
    assertTrue(utcTime.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), utcTime);
    Instant time = OffsetDateTime.parse(utcTime).toInstant();
    assertFalse(time.isBefore(before), utcTime);
    assertFalse(time.isAfter(Instant.now()), utcTime);
  }

  @Test
  void messageThatAlreadyHasThePrefixGetsNoSecondOne() throws IOException {
    // The -javaagent writes the prefix into ERROR messages itself.
    String prefix = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + ID + "] ";
    List<JsonNode> documents = log(composite(ALL), Map.of(SessionToken.TOKEN_KEY, TOKEN),
        log -> log.error(prefix + "boom"));
    assertEquals(prefix + "boom", documents.get(0).path("message").asString());
  }

  @Test
  void eventWithoutATokenGetsThePlainMessageAndNoOpenReplayField() throws IOException {
    List<JsonNode> documents = log(composite(ALL), Map.of(), log -> {
      log.info("plain");
      log.error("failure");
    });
    assertEquals("plain", documents.get(0).path("message").asString());
    assertFalse(documents.get(0).has("tags"));
    assertFalse(documents.get(0).has("openReplaySessionToken"));
    assertFalse(documents.get(0).has("openReplaySession.id"));
    assertEquals("[\"error\"]", documents.get(1).path("tags").toString());
  }

  @Test
  void invalidMdcValuesWriteNothing() throws IOException {
    List<JsonNode> documents = log(composite(ALL),
        Map.of(SessionToken.TOKEN_KEY, "x\"}{\"injected\":1", SessionToken.SESSION_ID_KEY, "-1"), log -> log.warn("m"));
    assertEquals("m", documents.get(0).path("message").asString());
    assertFalse(documents.get(0).has("openReplaySessionToken"));
    assertFalse(documents.get(0).has("openReplaySession.id"));
    assertFalse(documents.get(0).has("injected"));
  }

  @Test
  void generationsAndFieldNameAreSetFromXml() throws IOException {
    String providers = "<provider class='io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider'>"
        + "<generations>G2</generations></provider>"
        + "<provider class='io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider'>"
        + "<fieldName>g1_message</fieldName><generations>g1</generations></provider>"
        + "<provider class='io.openreplay.backend.logback.elasticsearch.SessionIdJsonProvider'>"
        + "<fieldName>[ignore]</fieldName></provider>";
    JsonNode document = log(composite(providers), Map.of(SessionToken.TOKEN_KEY, TOKEN), log -> log.info("m")).get(0);
    assertEquals("[openReplaySession.id=" + ID + "] m", document.path("message").asString());
    assertEquals("[openReplaySessionToken=" + TOKEN + "] m", document.path("g1_message").asString());
    assertFalse(document.has("openReplaySession.id"));
  }

  @Test
  void markerNamesFollowTheErrorTagOnce() throws IOException {
    JsonNode document = log(composite(ALL), Map.of(), log -> {
      org.slf4j.Marker billing = MarkerFactory.getDetachedMarker("billing");
      billing.add(MarkerFactory.getDetachedMarker("error"));
      billing.add(MarkerFactory.getDetachedMarker("payments"));
      log.error(billing, "m");
    }).get(0);
    assertEquals("[\"error\",\"billing\",\"payments\"]", document.path("tags").toString());
  }

  @Test
  void logstashEncoderVariantWritesEveryKeyOnce() throws IOException {
    JsonNode document = log("<encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'>"
            + "<generations>G1</generations></encoder>",
        Map.of(SessionToken.TOKEN_KEY, TOKEN, "requestId", "r-9"),
        log -> log.error(MarkerFactory.getMarker("audit"), "m")).get(0);
    assertEquals("[openReplaySessionToken=" + TOKEN + "] m", document.path("message").asString());
    assertEquals("[\"error\",\"audit\"]", document.path("tags").toString());
    assertEquals("r-9", document.path("requestId").asString());
    assertEquals(TOKEN, document.path("openReplaySessionToken").asString());
    assertEquals(ID, document.path("openReplaySession.id").asString());
    assertEquals("ERROR", document.path("level").asString());
    assertTrue(document.has("@timestamp"));
    assertTrue(document.path("utc_time").isString());
  }
}
