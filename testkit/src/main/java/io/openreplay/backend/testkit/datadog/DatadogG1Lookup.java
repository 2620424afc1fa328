package io.openreplay.backend.testkit.datadog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenReplay's Datadog lookup up to 1.20 ({@code backend/pkg/integrations/clients/datadog.go} of v1.20.0), made over
 * HTTP: {@code POST <site>/api/v1/logs-queries/list?api_key=K&application_key=A} with the body
 * {@code {"limit": 1000, "query": "status:error openReplaySessionToken", "sort": "asc", "time": {"from": F, "to": T},
 * "startAt": null}} (F: the last timestamp seen plus one millisecond; T: now), following {@code nextLogId}. For each
 * of {@code logs}: the token is cut out of {@code content.message} with {@code (?i)openReplaySessionToken=([0-9a-zA-Z\.]+)}
 * (no token: skipped), {@code content.timestamp} must parse as RFC 3339 (else skipped), and the event's name is
 * {@code content.attributes.error.message}.
 */
public final class DatadogG1Lookup {

  /** The query OpenReplay sends. */
  public static final String QUERY = "status:error openReplaySessionToken";

  /** How OpenReplay cuts the token out of the message. */
  public static final Pattern TOKEN = Pattern.compile("(?i)openReplaySessionToken=([0-9a-zA-Z\\.]+)");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String site;
  private final String apiKey;
  private final String applicationKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param site the API's base, {@code https://api.datadoghq.com} or a receiver's {@link DatadogReceiver#baseUrl()}
   * @param apiKey the API key entered in OpenReplay
   * @param applicationKey the application key entered in OpenReplay
   */
  public DatadogG1Lookup(String site, String apiKey, String applicationKey) {
    this.site = site;
    this.apiKey = apiKey;
    this.applicationKey = applicationKey;
  }

  /**
   * @param receiver a loopback receiver
   * @return the lookup of that receiver, with its keys
   */
  public static DatadogG1Lookup of(DatadogReceiver receiver) {
    return new DatadogG1Lookup(receiver.baseUrl(), DatadogReceiver.API_KEY, DatadogReceiver.APPLICATION_KEY);
  }

  /**
   * @param fromMillis the earliest date, epoch milliseconds, inclusive
   * @param toMillis the latest date, epoch milliseconds, inclusive
   * @return what OpenReplay links to sessions, in the answer's order
   * @throws UncheckedIOException when a call fails or is refused
   * @throws InterruptedException when interrupted
   */
  public List<Found> find(long fromMillis, long toMillis) throws InterruptedException {
    List<Found> found = new ArrayList<>();
    String startAt = "null";
    URI uri = URI.create(site + "/api/v1/logs-queries/list?api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)
        + "&application_key=" + URLEncoder.encode(applicationKey, StandardCharsets.UTF_8));
    while (true) {
      String body = "{\"limit\": 1000, \"query\": \"" + QUERY + "\", \"sort\": \"asc\", \"time\": {\"from\": "
          + fromMillis + ", \"to\": " + toMillis + "}, \"startAt\": " + startAt + "}";
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      JsonNode answer;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
          throw new IOException("Datadog: server respond with the code " + response.statusCode() + ": "
              + response.body());
        }
        answer = JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (JsonNode log : answer.path("logs")) {
        JsonNode content = log.path("content");
        Matcher token = TOKEN.matcher(content.path("message").asString(""));
        if (!token.find()) {
          continue;
        }
        OffsetDateTime timestamp;
        try {
          timestamp = OffsetDateTime.parse(content.path("timestamp").asString(""));
        } catch (DateTimeParseException e) {
          continue;
        }
        found.add(new Found(token.group(1), timestamp.toInstant().toEpochMilli(),
            content.path("attributes").path("error").path("message").asString(""), log));
      }
      JsonNode next = answer.path("nextLogId");
      if (!next.isString() || next.asString().isEmpty()) {
        return found;
      }
      startAt = JSON.writeValueAsString(next.asString());
    }
  }

  /**
   * One log OpenReplay links to a session.
   *
   * @param token the token as OpenReplay's regular expression cuts it out of the message
   * @param timestampMillis the log's date, epoch milliseconds
   * @param name the event's name: {@code content.attributes.error.message}, empty when absent
   * @param payload the log as the answer held it
   */
  public record Found(String token, long timestampMillis, String name, JsonNode payload) {
  }
}
