package io.openreplay.backend.readme.logback;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.INFO;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents a README encoder wrote, one a line, checked against what OpenReplay's Elasticsearch lookups
 * read (CONTRACT.md): G1 matches {@code openReplaySessionToken=} in {@code message} and cuts the token out with its
 * regular expression, needs {@code utc_time} as an RFC 3339 string and {@code tags} with {@code error}; G2 matches
 * the phrase {@code openReplaySession.id=ID} in {@code message} and shows {@code @timestamp} and {@code level}. A key
 * written twice fails too: Elasticsearch refuses such a document.
 */
public final class ElasticsearchDocuments {

  private static final Pattern G1_TOKEN = Pattern.compile("(?i)openReplaySessionToken=([0-9a-zA-Z\\.]+)");
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final List<JsonNode> documents;

  private ElasticsearchDocuments(List<JsonNode> documents) {
    this.documents = documents;
  }

  /**
   * @param lines JSON documents, one a line
   * @return the documents, each parsed strictly
   */
  public static ElasticsearchDocuments of(String lines) {
    List<JsonNode> documents = new ArrayList<>();
    lines.lines().filter(line -> !line.isBlank()).forEach(line -> documents.add(STRICT.readTree(line)));
    return new ElasticsearchDocuments(documents);
  }

  /**
   * Fails unless the probe's four lines are there, the request's with the token where both lookups read it and the
   * other without any.
   *
   * @param token the token the probe attached
   * @param sessionId its session id
   */
  public void assertWhatOpenReplayReads(String token, String sessionId) {
    assertEquals(4, documents.size(), () -> "one document a line: " + documents);
    String prefix = "[openReplaySessionToken=" + token + "] [openReplaySession.id=" + sessionId + "] ";
    for (String message : List.of(ERROR, ERROR_WITH_EXCEPTION)) {
      JsonNode error = document(prefix + message);
      Matcher g1 = G1_TOKEN.matcher(error.path("message").asString());
      assertTrue(g1.find() && g1.group(1).equals(token), () -> "G1 cuts the token out of " + error);
      assertTrue(error.path("utc_time").isString(), () -> "utc_time is a string: " + error);
      OffsetDateTime.parse(error.path("utc_time").asString());
      assertTrue(tags(error).contains("error"), () -> "tags has error: " + error);
      assertTrue(error.path("@timestamp").isString(), () -> "@timestamp: " + error);
      assertEquals("ERROR", error.path("level").asString(), () -> "level: " + error);
      assertEquals(token, error.path("openReplaySessionToken").asString());
      assertTrue(error.path("openReplaySession.id").isString(), () -> "the id is a string: " + error);
      assertEquals(sessionId, error.path("openReplaySession.id").asString());
    }
    JsonNode info = document(prefix + INFO);
    assertTrue(info.path("message").asString().contains("openReplaySession.id=" + sessionId), "G2's phrase");
    assertFalse(tags(info).contains("error"), () -> "an INFO line is no error for G1: " + info);
    JsonNode outside = document(OUTSIDE);
    assertTrue(tags(outside).contains("error"), () -> "tags has error: " + outside);
    assertFalse(outside.has("openReplaySessionToken") || outside.has("openReplaySession.id"),
        () -> "no token outside a request: " + outside);
  }

  private JsonNode document(String message) {
    List<JsonNode> found = documents.stream().filter(document -> message.equals(document.path("message").asString()))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one document with message \"" + message + "\" in " + documents);
    return found.get(0);
  }

  private static List<String> tags(JsonNode document) {
    List<String> tags = new ArrayList<>();
    document.path("tags").forEach(tag -> tags.add(tag.asString()));
    return tags;
  }
}
