package io.openreplay.backend.testkit.datadog;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Datadog Logs on 127.0.0.1: its intakes, its index and the two search endpoints OpenReplay calls.
 * <ul>
 *   <li>HTTP intake {@code POST /api/v2/logs}: a JSON object or array of objects, {@code DD-API-KEY} header,
 *       optionally gzip ({@code Content-Encoding: gzip}) and {@code ?ddtags=}; answered {@code 202 {}}; a wrong key
 *       gets 403, a body that is not JSON 400, over 5 MB 413;</li>
 *   <li>TCP intake ({@link #tcpPort()}): {@code <API_KEY> <json>} a line, as logstash-logback-encoder's
 *       {@code LogstashTcpSocketAppender} sends it in the setup Datadog documents (plain TCP here);</li>
 *   <li>every log goes through {@link DatadogPreprocessing} into the one index {@value #INDEX};</li>
 *   <li>{@code POST /api/v2/logs/events/search} (Logs API v2, what OpenReplay 1.21+ calls): {@code DD-API-KEY}
 *       and {@code DD-APPLICATION-KEY} headers; body {@code filter.query} (default {@code *}),
 *       {@code filter.indexes} (default all), {@code filter.from} (default {@code now-15m}, as Datadog's),
 *       {@code filter.to} (default {@code now}), {@code sort} ({@code timestamp} or {@code -timestamp}),
 *       {@code page.limit} (default 10, at most 5000), {@code page.cursor};</li>
 *   <li>{@code POST /api/v1/logs-queries/list} (what OpenReplay up to 1.20 calls): keys as {@code ?api_key=} and
 *       {@code &application_key=} or as headers; body {@code query}, {@code time.from}, {@code time.to} (both
 *       required), {@code limit} (default 10, at most 1000), {@code sort} ({@code asc} or {@code desc}),
 *       {@code startAt}.</li>
 * </ul>
 * Queries are answered by {@link DatadogSearchQuery}; a query it does not answer gets 400. Refusals are recorded in
 * {@link #problems()}.
 */
public final class DatadogReceiver implements AutoCloseable {

  /** The API key the intakes and the search endpoints accept. */
  public static final String API_KEY = "loopback-dd-api-key";
  /** The application key the search endpoints accept. */
  public static final String APPLICATION_KEY = "loopback-dd-application-key";
  /** The index every log goes to, the one OpenReplay 1.21+ searches. */
  public static final String INDEX = "main";

  private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
  private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d+)([smhdw]))?");

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final ReceivedItems<DatadogLog> received = new ReceivedItems<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final LoopbackHttpServer server;
  private final DatadogTcpIntake tcp;

  private DatadogReceiver() throws IOException {
    server = LoopbackHttpServer.start("datadog-receiver", 2, this::handle);
    try {
      tcp = new DatadogTcpIntake(this::tcpLine);
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Starts the HTTP and TCP sides on free ports of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static DatadogReceiver start() throws IOException {
    return new DatadogReceiver();
  }

  /**
   * @return the base of every HTTP endpoint, {@code http://127.0.0.1:PORT}: the logs intake is
   *     {@code baseUrl() + "/api/v2/logs"}, the API (OpenReplay's "site") the same host
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * @return the port of the TCP intake, on 127.0.0.1
   */
  public int tcpPort() {
    return tcp.port();
  }

  /**
   * @return a copy of every indexed log, in arrival order
   */
  public List<DatadogLog> logs() {
    return received.items();
  }

  /**
   * Waits until at least {@code count} indexed logs match.
   *
   * @param filter which logs count
   * @param count how many are awaited
   * @param timeout the longest wait
   * @return the matching logs, fewer than {@code count} when the time ran out
   * @throws InterruptedException when interrupted
   */
  public List<DatadogLog> awaitLogs(Predicate<DatadogLog> filter, int count, Duration timeout)
      throws InterruptedException {
    return received.await(filter, count, timeout);
  }

  /**
   * @return every refusal so far, one line each
   */
  public List<String> problems() {
    return received.problems();
  }

  /**
   * The search both endpoints answer with.
   *
   * @param query a Datadog query
   * @param from the earliest date, inclusive
   * @param to the latest date, inclusive
   * @return the matching logs of the index, oldest first
   * @throws IllegalArgumentException for a query {@link DatadogSearchQuery} does not answer
   */
  public List<DatadogLog> search(String query, Instant from, Instant to) {
    DatadogSearchQuery parsed = DatadogSearchQuery.parse(query);
    return received.items(log -> !log.timestamp().isBefore(from) && !log.timestamp().isAfter(to)
        && parsed.matches(log)).stream().sorted(Comparator.comparing(DatadogLog::timestamp)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())) {
        fail(exchange, 405, "only POST is served here, not " + exchange.getRequestMethod() + " " + path);
        return;
      }
      Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
      switch (path) {
        case "/api/v2/logs":
          intake(exchange, query);
          break;
        case "/api/v2/logs/events/search":
          if (keysAccepted(exchange, exchange.getRequestHeaders().getFirst("DD-API-KEY"),
              exchange.getRequestHeaders().getFirst("DD-APPLICATION-KEY"))) {
            searchV2(exchange);
          }
          break;
        case "/api/v1/logs-queries/list":
          if (keysAccepted(exchange,
              firstNonNull(query.get("api_key"), exchange.getRequestHeaders().getFirst("DD-API-KEY")),
              firstNonNull(query.get("application_key"),
                  exchange.getRequestHeaders().getFirst("DD-APPLICATION-KEY")))) {
            searchV1(exchange);
          }
          break;
        default:
          fail(exchange, 404, "no such endpoint: " + path);
      }
    } catch (RuntimeException e) {
      received.addProblem("receiver error: " + e);
      throw e;
    }
  }

  private void intake(HttpExchange exchange, Map<String, String> query) throws IOException {
    if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("DD-API-KEY"))) {
      fail(exchange, 403, "intake: missing or wrong DD-API-KEY");
      return;
    }
    byte[] body;
    try (InputStream in = HttpBodies.decodedRequestBody(exchange)) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      fail(exchange, 400, "intake: unreadable body: " + e.getMessage());
      return;
    }
    if (body.length > MAX_BODY_BYTES) {
      fail(exchange, 413, "intake: payload over 5 MB");
      return;
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(body);
    } catch (JacksonException e) {
      fail(exchange, 400, "intake: the body is not JSON: " + e.getOriginalMessage());
      return;
    }
    List<JsonNode> entries = new ArrayList<>();
    if (payload != null && payload.isArray()) {
      payload.forEach(entries::add);
    } else if (payload != null) {
      entries.add(payload);
    }
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        fail(exchange, 400, "intake: a log must be a JSON object, not " + entry.getNodeType());
        return;
      }
    }
    Instant now = Instant.now();
    List<DatadogLog> logs = new ArrayList<>();
    for (JsonNode entry : entries) {
      logs.add(DatadogPreprocessing.process(newId(), (ObjectNode) entry, query.get("ddtags"), now));
    }
    received.addAll(logs);
    HttpBodies.respond(exchange, 202, "application/json", "{}");
  }

  private void tcpLine(String apiKey, String json) {
    if (!API_KEY.equals(apiKey)) {
      received.addProblem("tcp intake: a line without the API key in front: "
          + (apiKey.length() > 40 ? apiKey.substring(0, 40) + "..." : apiKey));
      return;
    }
    // A JSON line is the log itself; DatadogPreprocessing parses a message that is a JSON object, so the line is
    // handed over as the message. Any other line is the message as it is.
    ObjectNode envelope = mapper.createObjectNode().put("message", json);
    received.add(DatadogPreprocessing.process(newId(), envelope, null, Instant.now()));
  }

  private void searchV2(HttpExchange exchange) throws IOException {
    JsonNode body = readJson(exchange);
    if (body == null) {
      return;
    }
    JsonNode filter = body.path("filter");
    Instant now = Instant.now();
    Instant from;
    Instant to;
    try {
      from = dateMath(filter.path("from"), "now-15m", now);
      to = dateMath(filter.path("to"), "now", now);
    } catch (IllegalArgumentException e) {
      fail(exchange, 400, "v2 search: " + e.getMessage());
      return;
    }
    boolean ourIndex = !filter.has("indexes") || filter.path("indexes").valueStream()
        .anyMatch(index -> index.asString().equals(INDEX) || index.asString().equals("*"));
    String sort = body.path("sort").asString("timestamp");
    int limit = body.path("page").path("limit").asInt(10);
    if (limit < 1 || limit > 5000) {
      fail(exchange, 400, "v2 search: page.limit must be 1 to 5000, not " + limit);
      return;
    }
    int offset = 0;
    String cursor = body.path("page").path("cursor").asString(null);
    if (cursor != null) {
      try {
        offset = Integer.parseInt(cursor);
      } catch (NumberFormatException e) {
        fail(exchange, 400, "v2 search: unknown cursor " + cursor);
        return;
      }
    }
    List<DatadogLog> found;
    try {
      found = ourIndex ? new ArrayList<>(search(filter.path("query").asString("*"), from, to)) : new ArrayList<>();
    } catch (IllegalArgumentException e) {
      fail(exchange, 400, "v2 search: " + e.getMessage());
      return;
    }
    if ("-timestamp".equals(sort)) {
      found.sort(Comparator.comparing(DatadogLog::timestamp).reversed());
    }
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode data = answer.putArray("data");
    List<DatadogLog> page = found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
    for (DatadogLog log : page) {
      ObjectNode item = data.addObject();
      item.put("id", log.id());
      item.put("type", "log");
      ObjectNode attributes = item.putObject("attributes");
      attributes.set("attributes", log.attributes().deepCopy());
      attributes.put("host", log.host());
      attributes.put("message", log.message());
      attributes.put("service", log.service());
      attributes.put("status", log.status());
      ArrayNode tags = attributes.putArray("tags");
      log.tags().forEach(tags::add);
      attributes.put("timestamp", log.timestamp().toString());
    }
    ObjectNode meta = answer.putObject("meta");
    meta.put("elapsed", 1);
    meta.put("request_id", "loopback-" + newId());
    meta.put("status", "done");
    if (offset + limit < found.size()) {
      meta.putObject("page").put("after", Integer.toString(offset + limit));
      answer.putObject("links").put("next", baseUrl() + "/api/v2/logs/events?page[cursor]=" + (offset + limit));
    }
    HttpBodies.respond(exchange, 200, "application/json", mapper.writeValueAsString(answer));
  }

  private void searchV1(HttpExchange exchange) throws IOException {
    JsonNode body = readJson(exchange);
    if (body == null) {
      return;
    }
    JsonNode time = body.path("time");
    if (!time.has("from") || !time.has("to")) {
      fail(exchange, 400, "v1 list: time.from and time.to are required");
      return;
    }
    Instant now = Instant.now();
    Instant from;
    Instant to;
    try {
      from = dateMath(time.path("from"), null, now);
      to = dateMath(time.path("to"), null, now);
    } catch (IllegalArgumentException e) {
      fail(exchange, 400, "v1 list: " + e.getMessage());
      return;
    }
    int limit = body.path("limit").asInt(10);
    if (limit < 1 || limit > 1000) {
      fail(exchange, 400, "v1 list: limit must be 1 to 1000, not " + limit);
      return;
    }
    List<DatadogLog> found;
    try {
      found = new ArrayList<>(search(body.path("query").asString("*"), from, to));
    } catch (IllegalArgumentException e) {
      fail(exchange, 400, "v1 list: " + e.getMessage());
      return;
    }
    if ("desc".equals(body.path("sort").asString("desc"))) {
      found.sort(Comparator.comparing(DatadogLog::timestamp).reversed());
    }
    String startAt = body.path("startAt").isString() ? body.path("startAt").asString() : null;
    int start = 0;
    if (startAt != null) {
      start = found.size();
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i).id().equals(startAt)) {
          start = i;
          break;
        }
      }
    }
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode logs = answer.putArray("logs");
    int end = Math.min(start + limit, found.size());
    for (DatadogLog log : found.subList(start, end)) {
      ObjectNode item = logs.addObject();
      item.put("id", log.id());
      ObjectNode content = item.putObject("content");
      content.put("timestamp", log.timestamp().toString());
      content.put("message", log.message());
      content.put("host", log.host());
      content.put("service", log.service());
      ArrayNode tags = content.putArray("tags");
      log.tags().forEach(tags::add);
      ObjectNode attributes = log.attributes().deepCopy();
      attributes.put("status", log.status());
      content.set("attributes", attributes);
    }
    if (end < found.size()) {
      answer.put("nextLogId", found.get(end).id());
    } else {
      answer.putNull("nextLogId");
    }
    answer.put("status", "done");
    HttpBodies.respond(exchange, 200, "application/json", mapper.writeValueAsString(answer));
  }

  /** Epoch milliseconds (number or digits), RFC 3339 text, or {@code now} / {@code now-<n><s|m|h|d|w>}. */
  private static Instant dateMath(JsonNode value, String absent, Instant now) {
    String text;
    if (value.isMissingNode() || value.isNull()) {
      if (absent == null) {
        throw new IllegalArgumentException("a date is required");
      }
      text = absent;
    } else if (value.isNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    } else {
      text = value.asString();
    }
    if (text.matches("\\d+")) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    Matcher relative = RELATIVE.matcher(text);
    if (relative.matches()) {
      if (relative.group(1) == null) {
        return now;
      }
      long amount = Long.parseLong(relative.group(1));
      Duration unit = switch (relative.group(2)) {
        case "s" -> Duration.ofSeconds(1);
        case "m" -> Duration.ofMinutes(1);
        case "h" -> Duration.ofHours(1);
        case "d" -> Duration.ofDays(1);
        default -> Duration.ofDays(7);
      };
      return now.minus(unit.multipliedBy(amount));
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: " + text);
    }
  }

  private boolean keysAccepted(HttpExchange exchange, String apiKey, String applicationKey) throws IOException {
    if (!API_KEY.equals(apiKey) || !APPLICATION_KEY.equals(applicationKey)) {
      fail(exchange, 403, "search: missing or wrong API or application key");
      return false;
    }
    return true;
  }

  private JsonNode readJson(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = HttpBodies.decodedRequestBody(exchange)) {
      body = in.readNBytes(MAX_BODY_BYTES);
    }
    try {
      JsonNode json = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
      if (json != null && json.isObject()) {
        return json;
      }
    } catch (JacksonException e) {
      // answered below
    }
    fail(exchange, 400, "search: the body is not a JSON object");
    return null;
  }

  private void fail(HttpExchange exchange, int status, String problem) throws IOException {
    received.addProblem(problem);
    ObjectNode answer = mapper.createObjectNode();
    answer.putArray("errors").add(problem);
    HttpBodies.respond(exchange, status, "application/json", mapper.writeValueAsString(answer));
  }

  private String newId() {
    return String.format("AQAAAloopback%012d", nextId.getAndIncrement());
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }

  /** Stops both intakes and the search endpoints. */
  @Override
  public void close() {
    tcp.close();
    server.close();
  }
}
