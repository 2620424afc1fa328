package io.openreplay.backend.testkit.elasticsearch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Ships JSON log lines (what a JSON encoder writes, one document a line) into an index through the {@code _bulk} API,
 * as Filebeat, Logstash or Fluent Bit would. Every line is sent as written: a line Elasticsearch refuses (invalid JSON,
 * a duplicate key, a mapping conflict) makes {@link #ship(String, List)} fail with Elasticsearch's reason.
 */
public final class LogShipper {

  private final ElasticsearchHttp http;

  /**
   * @param http the endpoint to ship to
   */
  public LogShipper(ElasticsearchHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * Indexes the lines and makes them searchable before returning ({@code refresh=wait_for}).
   *
   * @param index the index, created on first use by Elasticsearch's automatic index creation
   * @param jsonLines the documents, one JSON object a line; blank lines are skipped
   * @return the ids Elasticsearch gave the documents, in the order of the lines
   * @throws ElasticsearchException when Elasticsearch refuses any line; the message carries each refusal
   */
  public List<String> ship(String index, List<String> jsonLines) {
    StringBuilder body = new StringBuilder();
    String action = "{\"index\":{}}\n";
    int count = 0;
    for (String line : jsonLines) {
      if (line == null || line.isBlank()) {
        continue;
      }
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a JSON line holds a line break: " + line);
      }
      body.append(action).append(line.strip()).append('\n');
      count++;
    }
    if (count == 0) {
      return List.of();
    }
    JsonNode answer = http.postNdjson(URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_bulk?refresh=wait_for",
        body.toString());
    List<String> ids = new ArrayList<>(count);
    List<String> refusals = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      JsonNode result = item.path("index");
      if (result.has("error")) {
        refusals.add(result.path("error").toString());
      } else {
        ids.add(result.path("_id").asString());
      }
    }
    if (!refusals.isEmpty() || answer.path("errors").asBoolean(false)) {
      throw new ElasticsearchException("Elasticsearch refused " + refusals.size() + " of " + count + " lines: "
          + String.join("; ", refusals));
    }
    return List.copyOf(ids);
  }
}
