package io.openreplay.backend.testkit.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP to an Elasticsearch or OpenSearch REST endpoint, with the JDK's {@link HttpClient}, as OpenReplay's
 * Go client talks to it. Each call is bounded by a timeout; an HTTP error status becomes an
 * {@link ElasticsearchException} carrying the server's answer.
 */
public final class ElasticsearchHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient client;

  /**
   * @param base the endpoint, for instance {@code http://127.0.0.1:9200}
   */
  public ElasticsearchHttp(URI base) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * @return the endpoint, ending with {@code /}
   */
  public URI base() {
    return base;
  }

  /**
   * @return a new empty JSON object, to build a request body
   */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /**
   * Parses one JSON text.
   *
   * @param json the text
   * @return its tree
   * @throws ElasticsearchException when the text is not JSON
   */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      throw new ElasticsearchException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Sends a request with a JSON body.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
   * @param pathAndQuery the path relative to the endpoint, with its query string, for instance {@code logs/_search?size=1}
   * @param body the body, or {@code null} for none
   * @return the answer's JSON
   * @throws ElasticsearchException on an HTTP error status, an I/O failure or a timeout
   */
  public JsonNode send(String method, String pathAndQuery, JsonNode body) {
    return send(method, pathAndQuery, "application/json", body == null ? null : body.toString());
  }

  /**
   * Sends newline-delimited JSON, as the {@code _bulk} API takes it.
   *
   * @param pathAndQuery the path relative to the endpoint, with its query string
   * @param ndjson the body: one JSON document a line, each line ending with a newline
   * @return the answer's JSON
   * @throws ElasticsearchException on an HTTP error status, an I/O failure or a timeout
   */
  public JsonNode postNdjson(String pathAndQuery, String ndjson) {
    return send("POST", pathAndQuery, "application/x-ndjson", ndjson);
  }

  private JsonNode send(String method, String pathAndQuery, String contentType, String body) {
    URI uri = base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ElasticsearchException(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ElasticsearchException(method + " " + uri + " interrupted", e);
    }
    if (response.statusCode() >= 300) {
      throw new ElasticsearchException(method + " " + uri + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body().isEmpty() ? object() : parse(response.body());
  }
}
