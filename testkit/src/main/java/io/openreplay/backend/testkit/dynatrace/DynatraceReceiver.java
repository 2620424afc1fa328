package io.openreplay.backend.testkit.dynatrace;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Dynatrace environment on 127.0.0.1, for the three requests that matter here:
 * <ul>
 *   <li>{@code POST /api/v2/logs/ingest} (Log ingest API v2): {@code Authorization: Api-Token }{@value #API_TOKEN},
 *       a JSON object or array of objects; each object is kept as Dynatrace keeps it ({@link DynatraceIngest}) and
 *       the answer is 204. A body that is no JSON, or an empty array, is answered 400, a wrong token 401.
 *       {@link #answerIngestWith(int)} makes it answer another status instead (429, 500...) and keep nothing.</li>
 *   <li>{@code POST /sso/oauth2/token}: the OAuth client-credentials grant OpenReplay asks first (parameters in the
 *       query string, as OpenReplay sends them, or a form body); it checks the client id, secret, resource and both
 *       scopes {@code storage:buckets:read storage:logs:read}, and issues a bearer token.</li>
 *   <li>{@code GET /api/v2/logs/search}: with an issued bearer token, the stored records matching {@code query}
 *       ({@link DynatraceQuery}) within {@code from}/{@code to} (epoch milliseconds or RFC 3339; {@code from}
 *       defaults to two hours ago, as Dynatrace's does), newest first, at most {@code limit} (default and maximum
 *       1000), answered as Dynatrace's {@code LogRecordsList}: {@code results} of {@code timestamp} (epoch ms),
 *       {@code content}, {@code status}, {@code eventType: "LOG"} and {@code additionalColumns} (each other
 *       attribute as an array of strings).</li>
 * </ul>
 * OpenReplay calls {@code https://sso.dynatrace.com} and {@code https://<environment>.live.dynatrace.com}; the
 * {@link DynatraceLookup} makes the same requests here. Refusals are recorded in {@link #problems()}.
 */
public final class DynatraceReceiver implements AutoCloseable {

  /** The only ingest token accepted ({@code Authorization: Api-Token ...}). */
  public static final String API_TOKEN = "dt0c01.OPENREPLAYTESTKIT.INGESTTOKEN0001";
  /** The OAuth client id accepted. */
  public static final String CLIENT_ID = "dt0s02.OPENREPLAYTESTKIT";
  /** The OAuth client secret accepted. */
  public static final String CLIENT_SECRET = "dt0s02.OPENREPLAYTESTKIT.SECRET0001";
  /** The account URN accepted as the OAuth {@code resource}. */
  public static final String RESOURCE = "urn:dtaccount:00000000-0000-0000-0000-000000000001";
  /** The scopes OpenReplay asks for; both are required. */
  public static final Set<String> SCOPES = Set.of("storage:buckets:read", "storage:logs:read");

  /** The ingest path. */
  public static final String INGEST_PATH = "/api/v2/logs/ingest";
  /** The search path. */
  public static final String SEARCH_PATH = "/api/v2/logs/search";
  /** The SSO token path. */
  public static final String TOKEN_PATH = "/sso/oauth2/token";

  private static final Duration DEFAULT_TIMEFRAME = Duration.ofHours(2);
  private static final int MAX_LIMIT = 1000;

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final ReceivedItems<DynatraceLogRecord> received = new ReceivedItems<>();
  private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ingestRequests = new AtomicInteger();
  private final AtomicInteger searchRequests = new AtomicInteger();
  private volatile int ingestAnswer;
  private final AtomicInteger ingestAnswersLeft = new AtomicInteger();
  private volatile int nextIngestAnswer;
  private final LoopbackHttpServer server;

  private DynatraceReceiver() throws IOException {
    server = LoopbackHttpServer.start("dynatrace-receiver", 2, this::handle);
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static DynatraceReceiver start() throws IOException {
    return new DynatraceReceiver();
  }

  /**
   * @return the environment URL, {@code http://127.0.0.1:PORT} (in place of
   *     {@code https://<environment>.live.dynatrace.com})
   */
  public String environmentUrl() {
    return server.baseUrl();
  }

  /**
   * @return the Log ingest API v2 URL, {@code http://127.0.0.1:PORT/api/v2/logs/ingest}
   */
  public String ingestUrl() {
    return server.baseUrl() + INGEST_PATH;
  }

  /**
   * @return the SSO token URL, in place of {@code https://sso.dynatrace.com/sso/oauth2/token}
   */
  public String tokenUrl() {
    return server.baseUrl() + TOKEN_PATH;
  }

  /**
   * From now on answers every ingest request with this status and keeps nothing of it; {@code 0} goes back to
   * normal.
   *
   * @param status e.g. 429 or 500, or 0
   */
  public void answerIngestWith(int status) {
    ingestAnswer = status;
  }

  /**
   * Answers the next {@code count} ingest requests with this status, keeping nothing of them, then answers normally
   * again (or as {@link #answerIngestWith(int)} says).
   *
   * @param status e.g. 429 or 503
   * @param count how many requests
   */
  public void answerNextIngestsWith(int status, int count) {
    ingestAnswer = 0;
    nextIngestAnswer = status;
    ingestAnswersLeft.set(count);
  }

  /**
   * @return how many ingest requests arrived, answered or refused
   */
  public int ingestRequests() {
    return ingestRequests.get();
  }

  /**
   * @return how many search requests arrived
   */
  public int searchRequests() {
    return searchRequests.get();
  }

  /**
   * @return every record kept so far, in arrival order
   */
  public List<DynatraceLogRecord> records() {
    return received.items();
  }

  /**
   * Waits until at least {@code count} kept records match, or the timeout passes.
   *
   * @param filter which records count
   * @param count how many are awaited
   * @param timeout the longest wait
   * @return the matching records by then (fewer than {@code count} when the time ran out)
   * @throws InterruptedException when interrupted while waiting
   */
  public List<DynatraceLogRecord> awaitRecords(Predicate<DynatraceLogRecord> filter, int count, Duration timeout)
      throws InterruptedException {
    return received.await(filter, count, timeout);
  }

  /**
   * @return what was refused so far, one line each; empty when all was well
   */
  public List<String> problems() {
    return received.problems();
  }

  /** Forgets every record, problem and request count, and answers ingest normally again. */
  public void clear() {
    received.clear();
    ingestAnswer = 0;
    ingestAnswersLeft.set(0);
    ingestRequests.set(0);
    searchRequests.set(0);
  }

  /**
   * The search as Dynatrace runs it on the stored records, without HTTP.
   *
   * @param query the query
   * @param from the start of the timeframe
   * @param to its end
   * @param limit the most records returned
   * @return the matching records, newest first
   */
  public List<DynatraceLogRecord> search(DynatraceQuery query, Instant from, Instant to, int limit) {
    return received.items(record -> query.matches(record) && !record.timestamp().isBefore(from)
            && !record.timestamp().isAfter(to)).stream()
        .sorted(Comparator.comparing(DynatraceLogRecord::timestamp).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if ("POST".equals(method) && INGEST_PATH.equals(path)) {
        ingest(exchange);
      } else if ("POST".equals(method) && TOKEN_PATH.equals(path)) {
        token(exchange);
      } else if ("GET".equals(method) && SEARCH_PATH.equals(path)) {
        search(exchange);
      } else {
        refuse(exchange, 404, "no such endpoint: " + method + " " + exchange.getRequestURI());
      }
    }
  }

  private void ingest(HttpExchange exchange) throws IOException {
    ingestRequests.incrementAndGet();
    Instant now = Instant.now();
    byte[] body;
    try (InputStream in = HttpBodies.decodedRequestBody(exchange)) {
      body = in.readAllBytes();
    }
    int answer = ingestAnswer;
    if (answer == 0 && ingestAnswersLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      answer = nextIngestAnswer;
    }
    if (answer != 0) {
      respond(exchange, answer, error(answer, "answered " + answer + " as told"));
      return;
    }
    if (!("Api-Token " + API_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      refuse(exchange, 401, "ingest without the Api-Token");
      return;
    }
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (!contentType.startsWith("application/json")) {
      refuse(exchange, 400, "ingest Content-Type is not application/json: " + contentType);
      return;
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(body);
    } catch (JacksonException e) {
      refuse(exchange, 400, "ingest body is no JSON: " + e.getOriginalMessage());
      return;
    }
    List<JsonNode> objects = new ArrayList<>();
    if (payload.isArray()) {
      payload.forEach(objects::add);
    } else {
      objects.add(payload);
    }
    if (objects.isEmpty() || objects.stream().anyMatch(node -> !node.isObject())) {
      refuse(exchange, 400, "ingest body is not a JSON object or a non-empty array of objects");
      return;
    }
    received.addAll(objects.stream().map(object -> DynatraceIngest.record(object, now)).toList());
    exchange.sendResponseHeaders(204, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> params = new HashMap<>(queryParameters(exchange.getRequestURI().getRawQuery()));
    try (InputStream in = exchange.getRequestBody()) {
      params.putAll(queryParameters(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    Set<String> scopes = Set.of(params.getOrDefault("scope", "").split(" "));
    if (!"client_credentials".equals(params.get("grant_type")) || !CLIENT_ID.equals(params.get("client_id"))
        || !CLIENT_SECRET.equals(params.get("client_secret")) || !RESOURCE.equals(params.get("resource"))
        || !scopes.containsAll(SCOPES)) {
      received.addProblem("token request refused: " + params.keySet() + " grant " + params.get("grant_type")
          + " scope " + params.get("scope"));
      respond(exchange, 400, "{\"error\":\"invalid_client\"}");
      return;
    }
    String accessToken = "testkit." + UUID.randomUUID();
    accessTokens.add(accessToken);
    ObjectNode answer = mapper.createObjectNode();
    answer.put("access_token", accessToken);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", 300);
    answer.put("scope", params.get("scope"));
    answer.put("resource", RESOURCE);
    respond(exchange, 200, answer.toString());
  }

  private void search(HttpExchange exchange) throws IOException {
    searchRequests.incrementAndGet();
    String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
      refuse(exchange, 401, "search without an issued bearer token");
      return;
    }
    Map<String, String> params = queryParameters(exchange.getRequestURI().getRawQuery());
    DynatraceQuery query;
    int limit;
    Instant now = Instant.now();
    Instant from;
    Instant to;
    try {
      query = DynatraceQuery.parse(params.get("query"));
      limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : MAX_LIMIT;
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
      }
      from = params.containsKey("from") ? instant(params.get("from")) : now.minus(DEFAULT_TIMEFRAME);
      to = params.containsKey("to") ? instant(params.get("to")) : now;
    } catch (IllegalArgumentException e) {
      refuse(exchange, 400, "search refused: " + e.getMessage());
      return;
    }
    ArrayNode results = mapper.createArrayNode();
    for (DynatraceLogRecord record : search(query, from, to, limit)) {
      ObjectNode result = results.addObject();
      result.put("timestamp", record.timestamp().toEpochMilli());
      result.put("content", record.content());
      result.put("status", record.status());
      result.put("eventType", "LOG");
      ObjectNode columns = result.putObject("additionalColumns");
      columns.putArray("loglevel").add(record.loglevel());
      record.attributes().forEach((key, value) -> columns.putArray(key).add(value));
    }
    ObjectNode answer = mapper.createObjectNode();
    answer.set("results", results);
    answer.put("sliceSize", results.size());
    answer.putNull("nextSliceKey");
    respond(exchange, 200, answer.toString());
  }

  private static Instant instant(String value) {
    if (value.matches("\\d{1,15}")) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("timeframe not modelled here: " + value, e);
    }
  }

  private static Map<String, String> queryParameters(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  private String error(int status, String message) {
    ObjectNode error = mapper.createObjectNode();
    ObjectNode inner = error.putObject("error");
    inner.put("code", status);
    inner.put("message", message);
    return error.toString();
  }

  private void refuse(HttpExchange exchange, int status, String message) throws IOException {
    received.addProblem(message);
    respond(exchange, status, error(status, message));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    HttpBodies.respond(exchange, status, "application/json", json);
  }
}
