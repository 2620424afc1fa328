package io.openreplay.backend.testkit.elasticsearch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenReplay G2's Elasticsearch lookup (OpenReplay 1.21 and later), request and reading alike.
 *
 * <p>The request, on index {@value #INDEX} with {@code track_total_hits=true}:
 * {@code {"size":1000,"query":{"match_phrase":{"message":"openReplaySession.id=<id>"}}}}. OpenReplay hands the hits
 * to its UI, which shows {@code @timestamp}, {@code level} and {@code message}: a hit without {@code @timestamp},
 * or whose {@code level} or {@code message} is not a string, is reported as rejected with the reason.
 */
public final class ElasticsearchG2Lookup {

  /** The index OpenReplay G2 searches; it is not configurable there. */
  public static final String INDEX = "logs";

  private final ElasticsearchHttp http;
  private final String index;

  /**
   * A lookup on OpenReplay's index {@value #INDEX}.
   *
   * @param http the endpoint
   */
  public ElasticsearchG2Lookup(ElasticsearchHttp http) {
    this(http, INDEX);
  }

  /**
   * @param http the endpoint
   * @param index the index to search, {@value #INDEX} for OpenReplay's own lookup
   */
  public ElasticsearchG2Lookup(ElasticsearchHttp http, String index) {
    this.http = Objects.requireNonNull(http, "http");
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * The request body OpenReplay G2 sends.
   *
   * @param sessionId the numeric session id, in decimal
   * @return the body
   * @throws IllegalArgumentException when {@code sessionId} is not an unsigned 64-bit decimal number
   */
  public static ObjectNode query(String sessionId) {
    String decimal = Long.toUnsignedString(Long.parseUnsignedLong(Objects.requireNonNull(sessionId, "sessionId")));
    ObjectNode body = ElasticsearchHttp.object().put("size", 1000);
    body.putObject("query").putObject("match_phrase").put("message", "openReplaySession.id=" + decimal);
    return body;
  }

  /**
   * Runs the lookup.
   *
   * @param sessionId the numeric session id, in decimal
   * @return the documents OpenReplay shows for the session, and those its UI cannot show
   * @throws ElasticsearchException when Elasticsearch answers with an error
   * @throws IllegalArgumentException when {@code sessionId} is not an unsigned 64-bit decimal number
   */
  public Result find(String sessionId) {
    JsonNode answer = http.send("POST",
        URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_search?track_total_hits=true", query(sessionId));
    List<Hit> found = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      String id = hit.path("_id").asString();
      JsonNode source = hit.path("_source");
      JsonNode timestamp = source.get("@timestamp");
      JsonNode level = source.get("level");
      JsonNode message = source.get("message");
      if (timestamp == null || timestamp.isNull()) {
        rejected.add(new Rejected(id, "@timestamp not found", source));
      } else if (level == null || !level.isString()) {
        rejected.add(new Rejected(id, "level is not a string", source));
      } else if (message == null || !message.isString()) {
        rejected.add(new Rejected(id, "message is not a string", source));
      } else {
        found.add(new Hit(id, timestamp.asString(), level.stringValue(), message.stringValue(), source));
      }
    }
    return new Result(answer.path("hits").path("total").path("value").asLong(found.size() + rejected.size()),
        List.copyOf(found), List.copyOf(rejected));
  }

  /**
   * A document OpenReplay G2 shows for the session.
   *
   * @param id the document's {@code _id}
   * @param timestamp the document's {@code @timestamp}
   * @param level the document's {@code level}
   * @param message the document's {@code message}
   * @param source the whole document
   */
  public record Hit(String id, String timestamp, String level, String message, JsonNode source) {
  }

  /**
   * A document the query returned that OpenReplay's UI cannot show.
   *
   * @param id the document's {@code _id}
   * @param reason what is missing
   * @param source the whole document
   */
  public record Rejected(String id, String reason, JsonNode source) {
  }

  /**
   * What one lookup returned.
   *
   * @param total the number of matching documents Elasticsearch reports
   * @param found the documents shown
   * @param rejected the documents returned but not showable
   */
  public record Result(long total, List<Hit> found, List<Rejected> rejected) {
  }
}
