package io.openreplay.backend.testkit.rollbar;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final ReceivedItems<ReceivedRollbarItem> received = new ReceivedItems<>();
  private final LoopbackHttpServer server;

  private RollbarReceiver() throws IOException {
    server = LoopbackHttpServer.start("rollbar-receiver", 1, this::handle);
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static RollbarReceiver start() throws IOException {
    return new RollbarReceiver();
  }

  /**
   * @return the endpoint to give rollbar-java ({@code ConfigBuilder.endpoint} or rollbar-logback's
   *     {@code <endpoint>}), e.g. {@code http://127.0.0.1:PORT/api/1/item/}
   */
  public String endpoint() {
    return server.baseUrl() + ITEM_PATH;
  }

  /**
   * @return every item received so far, in arrival order
   */
  public List<ReceivedRollbarItem> items() {
    return received.items();
  }

  /**
   * @return what was refused so far, one line each; empty when all was well
   */
  public List<String> problems() {
    return received.problems();
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
    return received.await(filter, count, timeout);
  }

  /** Forgets everything received so far. */
  public void clear() {
    received.clear();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod()) || !ITEM_PATH.equals(exchange.getRequestURI().getPath())) {
        refuse(exchange, 404, "no such endpoint: " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        return;
      }
      JsonNode payload;
      try (InputStream body = HttpBodies.decodedRequestBody(exchange)) {
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
      received.add(new ReceivedRollbarItem(data));
      respond(exchange, 200, "{\"err\": 0, \"result\": {\"id\": null, \"uuid\": \"" + uuid.replace("\"", "") + "\"}}");
    }
  }

  private void refuse(HttpExchange exchange, int status, String message) throws IOException {
    received.addProblem(message);
    respond(exchange, status, "{\"err\": 1, \"message\": \"" + message.replace("\"", "'").replace("\\", "/") + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    HttpBodies.respond(exchange, status, "application/json", json);
  }
}
