package io.openreplay.backend.testkit.outbound;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A downstream service on 127.0.0.1 that records the {@value OutboundHeader#NAME} values of every call, whatever its
 * path and method, and answers {@code 200 ok}; a path given to {@link #redirect} answers {@code 302} (or the status
 * given) to another URL instead. Reach it as {@code localhost} or as {@code 127.0.0.1} ({@link #url}), so that one receiver can be a host
 * on the allow-list under one name and a host outside it under the other.
 */
public final class TokenHeaderReceiver implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ReceivedItems<ReceivedCall> calls = new ReceivedItems<>();
  private final Map<String, Redirect> redirects = new ConcurrentHashMap<>();
  private final LoopbackHttpServer server;

  private TokenHeaderReceiver() throws IOException {
    server = LoopbackHttpServer.start("token-header-receiver", 4, this::handle);
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static TokenHeaderReceiver start() throws IOException {
    return new TokenHeaderReceiver();
  }

  /**
   * @return the port it listens on
   */
  public int port() {
    return server.port();
  }

  /**
   * @param host {@code localhost} or {@code 127.0.0.1}
   * @param path the path, starting with {@code /}
   * @return {@code http://HOST:PORT/PATH}
   */
  public String url(String host, String path) {
    return "http://" + host + ":" + port() + path;
  }

  /**
   * Makes a path answer {@code 302 Found} with a {@code Location}, for checking what a client sends where it is sent
   * on.
   *
   * @param path the path that redirects
   * @param location where to
   */
  public void redirect(String path, String location) {
    redirect(path, location, 302);
  }

  /**
   * Makes a path answer a redirect status with a {@code Location}.
   *
   * @param path the path that redirects
   * @param location where to; {@code null} for a redirect without {@code Location}
   * @param status the status, e.g. {@code 307}
   */
  public void redirect(String path, String location, int status) {
    redirects.put(path, new Redirect(location, status));
  }

  /**
   * @return every call so far, in arrival order
   */
  public List<ReceivedCall> calls() {
    return calls.items();
  }

  /**
   * Waits, ten seconds at most, for the first call to a path.
   *
   * @param path the path
   * @return the call
   * @throws InterruptedException when interrupted while waiting
   * @throws AssertionError when no call to the path arrived in time
   */
  public ReceivedCall awaitCall(String path) throws InterruptedException {
    List<ReceivedCall> received = calls.await(call -> call.path().equals(path), 1, WAIT);
    if (received.isEmpty()) {
      throw new AssertionError("no call to " + path + " arrived; calls: " + calls());
    }
    return received.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    List<String> tokens = exchange.getRequestHeaders().getOrDefault(OutboundHeader.NAME, List.of());
    calls.add(new ReceivedCall(path, exchange.getRequestHeaders().getFirst("Host"), List.copyOf(tokens),
        exchange.getRequestMethod(), body));
    Redirect redirect = redirects.get(path);
    if (redirect != null) {
      if (redirect.location() != null) {
        exchange.getResponseHeaders().set("Location", redirect.location());
      }
      exchange.sendResponseHeaders(redirect.status(), -1);
      exchange.close();
      return;
    }
    HttpBodies.respond(exchange, 200, "text/plain", "ok");
  }

  /** Where a path redirects to, and with which status. */
  private record Redirect(String location, int status) {
  }

  /** Stops it. */
  @Override
  public void close() {
    server.close();
  }
}
