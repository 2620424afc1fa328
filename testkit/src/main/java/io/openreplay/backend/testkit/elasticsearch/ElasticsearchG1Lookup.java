package io.openreplay.backend.testkit.elasticsearch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenReplay G1's Elasticsearch lookup (OpenReplay up to 1.20), request and reading alike.
 *
 * <p>The request, on the configured index pattern (OpenReplay's default {@value #DEFAULT_INDEX_PATTERN}), with
 * {@code size=1000}, {@code scroll=2m} and {@code sort=utc_time:asc}:
 * <pre>
 * {"query":{"bool":{"filter":[
 *   {"match":{"message":{"query":"openReplaySessionToken="}}},
 *   {"range":{"utc_time":{"gte":"&lt;epoch ms&gt;","lte":"now"}}},
 *   {"term":{"tags":"error"}}]}}}
 * </pre>
 * then the scroll, page after page. Each hit is read as OpenReplay reads it: {@code message} must be a string and
 * {@code utc_time} an RFC 3339 string, and the token is cut out of the message with
 * {@value #TOKEN_REGEX}. A hit failing any of these is reported as rejected, with the reason (OpenReplay skips it).
 */
public final class ElasticsearchG1Lookup {

  /** OpenReplay's default index pattern. */
  public static final String DEFAULT_INDEX_PATTERN = "*log*";

  /** The regular expression OpenReplay cuts the token out of the message with. */
  public static final String TOKEN_REGEX = "(?i)openReplaySessionToken=([0-9a-zA-Z\\.]+)";

  private static final Pattern TOKEN = Pattern.compile(TOKEN_REGEX);
  private static final int MAX_PAGES = 100;

  /** Go's {@code time.RFC3339} as {@code time.Parse} reads it: fraction optional, offset or {@code Z}. */
  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  private final ElasticsearchHttp http;
  private final String indexPattern;

  /**
   * A lookup on OpenReplay's default index pattern {@value #DEFAULT_INDEX_PATTERN}.
   *
   * @param http the endpoint
   */
  public ElasticsearchG1Lookup(ElasticsearchHttp http) {
    this(http, DEFAULT_INDEX_PATTERN);
  }

  /**
   * @param http the endpoint
   * @param indexPattern the indexes as entered in OpenReplay's integration form, for instance {@code *log*}
   */
  public ElasticsearchG1Lookup(ElasticsearchHttp http, String indexPattern) {
    this.http = Objects.requireNonNull(http, "http");
    this.indexPattern = Objects.requireNonNull(indexPattern, "indexPattern");
  }

  /**
   * The request body OpenReplay G1 sends.
   *
   * @param sinceEpochMillis the lower bound of {@code utc_time}, in milliseconds since the epoch
   * @return the body
   */
  public static ObjectNode query(long sinceEpochMillis) {
    ObjectNode body = ElasticsearchHttp.object();
    ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.addObject().putObject("match").putObject("message").put("query", "openReplaySessionToken=");
    filter.addObject().putObject("range").putObject("utc_time")
        .put("gte", Long.toUnsignedString(sinceEpochMillis)).put("lte", "now");
    filter.addObject().putObject("term").put("tags", "error");
    return body;
  }

  /**
   * Runs the lookup.
   *
   * @param sinceEpochMillis the lower bound of {@code utc_time}, in milliseconds since the epoch
   * @return the hits OpenReplay links to a session, and those it skips
   * @throws ElasticsearchException when Elasticsearch answers with an error (OpenReplay gives up then too)
   */
  public Result find(long sinceEpochMillis) {
    List<Hit> found = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    String path = URLEncoder.encode(indexPattern, StandardCharsets.UTF_8).replace("%2A", "*").replace("%2C", ",")
        + "/_search?size=1000&scroll=2m&sort=utc_time:asc";
    JsonNode page = http.send("POST", path, query(sinceEpochMillis));
    List<String> shardFailures = new ArrayList<>();
    for (JsonNode failure : page.path("_shards").path("failures")) {
      shardFailures.add(failure.path("index").asString("?") + ": " + failure.path("reason").toString());
    }
    String scrollId = null;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      JsonNode hits = page.path("hits").path("hits");
      if (hits.isEmpty()) {
        break;
      }
      for (JsonNode hit : hits) {
        read(hit, found, rejected);
      }
      scrollId = page.path("_scroll_id").asString(null);
      if (scrollId == null) {
        break;
      }
      ObjectNode next = ElasticsearchHttp.object().put("scroll", "2m").put("scroll_id", scrollId);
      page = http.send("POST", "_search/scroll", next);
    }
    if (scrollId != null) {
      http.send("DELETE", "_search/scroll", ElasticsearchHttp.object().put("scroll_id", scrollId));
    }
    return new Result(List.copyOf(found), List.copyOf(rejected), List.copyOf(shardFailures));
  }

  private static void read(JsonNode hit, List<Hit> found, List<Rejected> rejected) {
    String id = hit.path("_id").asString();
    String index = hit.path("_index").asString();
    JsonNode source = hit.path("_source");
    JsonNode message = source.get("message");
    JsonNode utcTime = source.get("utc_time");
    if (message == null) {
      rejected.add(new Rejected(id, index, "message not found", source));
      return;
    }
    if (utcTime == null) {
      rejected.add(new Rejected(id, index, "utc_time not found", source));
      return;
    }
    if (!utcTime.isString()) {
      rejected.add(new Rejected(id, index, "utc_time is not a string but " + utcTime.getNodeType(), source));
      return;
    }
    if (!message.isString()) {
      rejected.add(new Rejected(id, index, "message is not a string but " + message.getNodeType(), source));
      return;
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(utcTime.stringValue(), RFC_3339).toInstant();
    } catch (DateTimeParseException e) {
      rejected.add(new Rejected(id, index, "cannot parse RFC3339 time " + utcTime.stringValue(), source));
      return;
    }
    String token = extractToken(message.stringValue());
    if (token == null) {
      rejected.add(new Rejected(id, index, "'openReplaySessionToken' not found in message", source));
      return;
    }
    found.add(new Hit(id, index, token, time, message.stringValue(), source));
  }

  /**
   * Cuts the token out of a message as OpenReplay does, with {@value #TOKEN_REGEX}.
   *
   * @param message the message
   * @return the first match's group, or {@code null} when there is none
   */
  public static String extractToken(String message) {
    Matcher matcher = TOKEN.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }

  /**
   * A document OpenReplay G1 links to a session.
   *
   * @param id the document's {@code _id}
   * @param index the document's index
   * @param token the token as OpenReplay extracted it from the message
   * @param utcTime the document's {@code utc_time}
   * @param message the document's {@code message}
   * @param source the whole document
   */
  public record Hit(String id, String index, String token, Instant utcTime, String message, JsonNode source) {
  }

  /**
   * A document the query returned and OpenReplay G1 skips.
   *
   * @param id the document's {@code _id}
   * @param index the document's index
   * @param reason why OpenReplay skips it
   * @param source the whole document
   */
  public record Rejected(String id, String index, String reason, JsonNode source) {
  }

  /**
   * What one lookup returned.
   *
   * @param found the documents linked to a session, in OpenReplay's order ({@code utc_time} ascending)
   * @param rejected the documents returned but skipped
   * @param shardFailures the shards that failed the query, with Elasticsearch's reason (OpenReplay ignores these
   *     silently: a document in such a shard is never found, for instance when {@code utc_time} is mapped as a number
   *     in that index)
   */
  public record Result(List<Hit> found, List<Rejected> rejected, List<String> shardFailures) {

    /**
     * @param token a session token
     * @return the documents linked to the session of {@code token}
     */
    public List<Hit> linkedTo(String token) {
      return found.stream().filter(hit -> hit.token().equals(token)).toList();
    }
  }
}
