package io.openreplay.backend.testkit.datadog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenReplay's Datadog lookup from 1.21 on ({@code backend/pkg/integrations/clients/datadog.go}), made over HTTP:
 * the Logs API v2 {@code ListLogs} call, {@code POST <site>/api/v2/logs/events/search} with the headers
 * {@code DD-API-KEY} and {@code DD-APPLICATION-KEY} and the body {@value #BODY_FORMAT} (the id in decimal). No
 * {@code filter.from} is sent, so Datadog searches its default window, the last 15 minutes. OpenReplay stores the
 * whole answer and its UI shows, for each entry of {@code data}: {@code id}, {@code attributes.timestamp},
 * {@code attributes.message} and {@code attributes.status} in capitals (default {@code INFO}).
 */
public final class DatadogG2Lookup {

  /** The request body, with {@code %s} for the session id. */
  public static final String BODY_FORMAT =
      "{\"filter\":{\"indexes\":[\"main\"],\"query\":\"openReplaySession.id=%s\"},\"page\":{\"limit\":1000},"
          + "\"sort\":\"timestamp\"}";

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
  public DatadogG2Lookup(String site, String apiKey, String applicationKey) {
    this.site = site;
    this.apiKey = apiKey;
    this.applicationKey = applicationKey;
  }

  /**
   * @param receiver a loopback receiver
   * @return the lookup of that receiver, with its keys
   */
  public static DatadogG2Lookup of(DatadogReceiver receiver) {
    return new DatadogG2Lookup(receiver.baseUrl(), DatadogReceiver.API_KEY, DatadogReceiver.APPLICATION_KEY);
  }

  /**
   * @param sessionId the numeric session id, in decimal
   * @return what OpenReplay's UI shows for the session, in the answer's order
   * @throws IllegalArgumentException when the id is not a decimal number
   * @throws UncheckedIOException when the call fails or is refused
   * @throws InterruptedException when interrupted
   */
  public List<Shown> find(String sessionId) throws InterruptedException {
    if (!sessionId.matches("[0-9]{1,20}")) {
      throw new IllegalArgumentException("a session id is a decimal number, not " + sessionId);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(site + "/api/v2/logs/events/search"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("DD-API-KEY", apiKey)
        .header("DD-APPLICATION-KEY", applicationKey)
        .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY_FORMAT, sessionId)))
        .build();
    JsonNode answer;
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("ListLogs answered " + response.statusCode() + ": " + response.body());
      }
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Shown> shown = new ArrayList<>();
    for (JsonNode log : answer.path("data")) {
      JsonNode attributes = log.path("attributes");
      shown.add(new Shown(log.path("id").asString(""), attributes.path("timestamp").asString(""),
          attributes.path("message").asString(""),
          attributes.path("status").asString("info").toUpperCase(Locale.ROOT),
          (ObjectNode) attributes));
    }
    return shown;
  }

  /**
   * One row of OpenReplay's backend-logs panel.
   *
   * @param key the log's id
   * @param timestamp its date, as Datadog wrote it
   * @param content its message
   * @param status its status, in capitals
   * @param attributes the whole {@code attributes} object of the entry
   */
  public record Shown(String key, String timestamp, String content, String status, ObjectNode attributes) {
  }
}
