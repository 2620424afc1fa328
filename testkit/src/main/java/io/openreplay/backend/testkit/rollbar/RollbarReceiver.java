package io.openreplay.backend.testkit.rollbar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rollbar's item endpoint on 127.0.0.1: {@code POST /api/1/item/} with a JSON payload
 * {@code {"access_token": ..., "data": {...}}} (plain or gzip-encoded, as rollbar-java 2.3 sends it), answered as {@code api.rollbar.com} answers
 * ({@code {"err": 0, "result": {"id": null, "uuid": ...}}}, or {@code err: 1} with a message and status 400/401).
 * Refusals are recorded in {@link #problems()}.
 *
 * <pre>{@code
 * try (RollbarReceiver receiver = RollbarReceiver.start()) {
 *   Rollbar rollbar = Rollbar.init(ConfigBuilder.withAccessToken(RollbarReceiver.ACCESS_TOKEN)
 *       .endpoint(receiver.endpoint()).build());
 *   ...
 * }
 * }</pre>
 */
public final class RollbarReceiver implements AutoCloseable {

  /** The only access token accepted, in the {@code X-Rollbar-Access-Token} header or the payload. */
  public static final String ACCESS_TOKEN = "openreplaytestkitaccesstoken0001";

  private static final String ITEM_PATH = "/api/1/item/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Object lock = new Object();
  private final List<ReceivedRollbarItem> items = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private RollbarReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static RollbarReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "rollbar-receiver");
      thread.setDaemon(true);
      return thread;
    });
    RollbarReceiver receiver = new RollbarReceiver(server, executor);
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /**
   * @return the endpoint to give rollbar-java ({@code ConfigBuilder.endpoint} or rollbar-logback's
   *     {@code <endpoint>}), e.g. {@code http://127.0.0.1:PORT/api/1/item/}
   */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + ITEM_PATH;
  }

  /**
   * @return every item received so far, in arrival order
   */
  public List<ReceivedRollbarItem> items() {
    synchronized (lock) {
      return List.copyOf(items);
    }
  }

  /**
   * @return what was refused so far, one line each; empty when all was well
   */
  public List<String> problems() {
    synchronized (lock) {
      return List.copyOf(problems);
    }
  }

  /**
   * Waits until at least {@code count} received items match, or the timeout passes.
   *
   * @param filter which items count
   * @param count how many are awaited
   * @param timeout the longest wait
   * @return the matching items received by then (fewer than {@code count} when the time ran out)
   * @throws InterruptedException when interrupted while waiting
   */
  public List<ReceivedRollbarItem> awaitItems(Predicate<ReceivedRollbarItem> filter, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<ReceivedRollbarItem> matching = items.stream().filter(filter).toList();
        long left = deadline - System.nanoTime();
        if (matching.size() >= count || left <= 0) {
          return matching;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  /** Forgets everything received so far. */
  public void clear() {
    synchronized (lock) {
      items.clear();
      problems.clear();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod()) || !ITEM_PATH.equals(exchange.getRequestURI().getPath())) {
        refuse(exchange, 404, "no such endpoint: " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        return;
      }
      JsonNode payload;
      try (InputStream body = decoded(exchange)) {
        payload = mapper.readTree(body.readAllBytes());
      } catch (JacksonException e) {
        refuse(exchange, 400, "invalid JSON: " + e.getOriginalMessage());
        return;
      } catch (IOException e) {
        refuse(exchange, 400, "unreadable body: " + e.getMessage());
        return;
      }
      String headerToken = exchange.getRequestHeaders().getFirst("X-Rollbar-Access-Token");
      JsonNode bodyToken = payload.path("access_token");
      String token = headerToken != null ? headerToken : bodyToken.isString() ? bodyToken.asString() : null;
      if (!ACCESS_TOKEN.equals(token)) {
        refuse(exchange, 401, "invalid access token");
        return;
      }
      JsonNode data = payload.path("data");
      if (!data.isObject() || !data.path("body").isObject() || !data.has("environment")) {
        refuse(exchange, 422, "invalid payload: data, data.body and data.environment are required");
        return;
      }
      String uuid = data.path("uuid").isString() ? data.path("uuid").asString() : UUID.randomUUID().toString();
      synchronized (lock) {
        items.add(new ReceivedRollbarItem(data));
        lock.notifyAll();
      }
      respond(exchange, 200, "{\"err\": 0, \"result\": {\"id\": null, \"uuid\": \"" + uuid.replace("\"", "") + "\"}}");
    }
  }

  private static InputStream decoded(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    if (encoding == null || encoding.isEmpty() || "identity".equalsIgnoreCase(encoding)) {
      return body;
    }
    if ("gzip".equalsIgnoreCase(encoding)) {
      return new GZIPInputStream(body);
    }
    throw new IOException("unknown Content-Encoding " + encoding);
  }

  private void refuse(HttpExchange exchange, int status, String message) throws IOException {
    synchronized (lock) {
      problems.add(message);
      lock.notifyAll();
    }
    respond(exchange, status, "{\"err\": 1, \"message\": \"" + message.replace("\"", "'").replace("\\", "/") + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
