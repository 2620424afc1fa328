package io.openreplay.backend.testkit.dynatrace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenReplay's own Dynatrace lookup ({@code backend/pkg/integrations/clients/dynatrace.go}, 1.21 and later), made
 * over HTTP against a {@link DynatraceReceiver} (or any URL given):
 * <ol>
 *   <li>{@code POST <sso>/sso/oauth2/token?client_id=..&client_secret=..&grant_type=client_credentials&resource=..
 *       &scope=storage%3Abuckets%3Aread+storage%3Alogs%3Aread} with no body and
 *       {@code Content-Type: application/x-www-form-urlencoded} (the parameters in the query string, encoded and
 *       ordered as Go's {@code url.Values.Encode} does); an answer without {@code access_token} fails.</li>
 *   <li>{@code GET <environment>/api/v2/logs/search?limit=1000&query=(status="WARN" OR status="ERROR") AND
 *       openReplaySession.id=<id>} (no {@code from}, {@code to} or {@code sort}), with
 *       {@code Authorization: Bearer <access_token>} and {@code Content-Type: application/json}.</li>
 * </ol>
 * OpenReplay keeps the answer's {@code results}; none is an error to it, and it shows nothing. Its player then takes
 * them as Dynatrace logs only when the first has {@code eventType: "LOG"}, a {@code content} and a {@code status}.
 */
public final class DynatraceLookup {

  /** The query OpenReplay sends, before the session id. */
  public static final String QUERY_PREFIX = "(status=\"WARN\" OR status=\"ERROR\") AND openReplaySession.id=";
  /** The scopes OpenReplay asks for. */
  public static final String SCOPE = "storage:buckets:read storage:logs:read";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String tokenUrl;
  private final String environmentUrl;
  private final String clientId;
  private final String clientSecret;
  private final String resource;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final JsonMapper mapper = JsonMapper.builder().build();

  /**
   * @param tokenUrl the SSO token URL ({@code https://sso.dynatrace.com/sso/oauth2/token} for OpenReplay)
   * @param environmentUrl the environment ({@code https://<environment>.live.dynatrace.com} for OpenReplay)
   * @param clientId the OAuth client id entered in OpenReplay
   * @param clientSecret the OAuth client secret entered in OpenReplay
   * @param resource the account URN entered in OpenReplay
   */
  public DynatraceLookup(String tokenUrl, String environmentUrl, String clientId, String clientSecret,
      String resource) {
    this.tokenUrl = tokenUrl;
    this.environmentUrl = environmentUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.resource = resource;
  }

  /**
   * @param receiver the loopback Dynatrace
   * @return the lookup with the receiver's URLs and the credentials it accepts
   */
  public static DynatraceLookup of(DynatraceReceiver receiver) {
    return new DynatraceLookup(receiver.tokenUrl(), receiver.environmentUrl(), DynatraceReceiver.CLIENT_ID,
        DynatraceReceiver.CLIENT_SECRET, DynatraceReceiver.RESOURCE);
  }

  /**
   * Runs OpenReplay's two requests for a session.
   *
   * @param sessionId the numeric session id, in decimal
   * @return what OpenReplay's player shows for the session, in the answer's order; empty when it shows nothing
   * @throws IOException when a request fails or an answer is not what OpenReplay can read
   * @throws InterruptedException when interrupted
   */
  public List<DynatraceShownLog> forSession(String sessionId) throws IOException, InterruptedException {
    List<JsonNode> results = results(sessionId);
    if (results.isEmpty()) {
      return List.of();
    }
    JsonNode first = results.get(0);
    if (!first.path("eventType").isString() || !"LOG".equals(first.path("eventType").asString()) || !truthy(first.path("content"))
        || !truthy(first.path("status"))) {
      return List.of();
    }
    List<DynatraceShownLog> shown = new ArrayList<>();
    for (JsonNode result : results) {
      String content = result.path("content").isString() ? result.path("content").asString() : "";
      String status = result.path("status").isString()
          ? result.path("status").asString().toLowerCase(Locale.ROOT) : "info";
      shown.add(new DynatraceShownLog(content, status, result));
    }
    return shown;
  }

  /**
   * Runs OpenReplay's two requests for a session.
   *
   * @param sessionId the numeric session id, in decimal
   * @return the {@code results} of the search answer, as OpenReplay passes them on
   * @throws IOException when a request fails or an answer is not what OpenReplay can read
   * @throws InterruptedException when interrupted
   */
  public List<JsonNode> results(String sessionId) throws IOException, InterruptedException {
    String accessToken = accessToken();
    Map<String, String> params = new TreeMap<>();
    params.put("limit", "1000");
    params.put("query", QUERY_PREFIX + sessionId);
    HttpRequest request = HttpRequest.newBuilder(URI.create(environmentUrl + "/api/v2/logs/search?" + encode(params)))
        .timeout(TIMEOUT).GET()
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + accessToken)
        .build();
    JsonNode answer = json(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    List<JsonNode> results = new ArrayList<>();
    answer.path("results").forEach(results::add);
    return results;
  }

  private String accessToken() throws IOException, InterruptedException {
    Map<String, String> params = new TreeMap<>();
    params.put("grant_type", "client_credentials");
    params.put("client_id", clientId);
    params.put("client_secret", clientSecret);
    params.put("resource", resource);
    params.put("scope", SCOPE);
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl + "?" + encode(params)))
        .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .build();
    JsonNode answer = json(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    JsonNode token = answer.path("access_token");
    if (!token.isString() || token.asString().isEmpty()) {
      throw new IOException("empty access token, body: " + answer);
    }
    return token.asString();
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    try {
      return mapper.readTree(response.body());
    } catch (JacksonException e) {
      throw new IOException("answer " + response.statusCode() + " is no JSON: " + response.body(), e);
    }
  }

  private static boolean truthy(JsonNode node) {
    return node.isString() ? !node.asString().isEmpty() : !node.isMissingNode() && !node.isNull();
  }

  /** Go's {@code url.Values.Encode}: keys in order, {@code url.QueryEscape} on keys and values. */
  static String encode(Map<String, String> sortedParams) {
    StringBuilder out = new StringBuilder();
    sortedParams.forEach((key, value) -> {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(queryEscape(key)).append('=').append(queryEscape(value));
    });
    return out.toString();
  }

  private static String queryEscape(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
