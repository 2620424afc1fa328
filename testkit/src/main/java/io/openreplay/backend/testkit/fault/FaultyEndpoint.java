package io.openreplay.backend.testkit.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's endpoint on 127.0.0.1 that fails as a {@link Fault} says, for HTTP providers (any path, any method)
 * and, for {@link Fault#REFUSED} and {@link Fault#NEVER_ANSWERS}, for any TCP protocol (gRPC, a TCP log intake).
 * Its threads are daemons; {@link #close()} ends them and every connection it holds.
 *
 * <pre>{@code
 * try (FaultyEndpoint rollbar = FaultyEndpoint.start(Fault.NEVER_ANSWERS, 200, "{\"err\": 0}")) {
 *   // <endpoint>rollbar.baseUrl() + "/api/1/item/"</endpoint>
 * }
 * }</pre>
 */
public final class FaultyEndpoint implements AutoCloseable {

  static {
    LoopbackHttpServer.answerWithoutNagleDelay();
  }

  private final Fault fault;
  private final int port;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> heldConnections = new ArrayList<>();
  private final ServerSocket silentSocket;
  private final HttpServer httpServer;
  private final ExecutorService httpThreads;
  private final ScheduledExecutorService lateAnswers;
  private volatile boolean closed;

  private FaultyEndpoint(Fault fault, int successStatus, String successBody) throws IOException {
    this.fault = fault;
    InetSocketAddress anyLoopbackPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    switch (fault) {
      case REFUSED -> {
        try (ServerSocket reserved = new ServerSocket()) {
          reserved.bind(anyLoopbackPort);
          port = reserved.getLocalPort();
        }
        silentSocket = null;
        httpServer = null;
        httpThreads = null;
        lateAnswers = null;
      }
      case NEVER_ANSWERS -> {
        silentSocket = new ServerSocket();
        silentSocket.bind(anyLoopbackPort, 1000);
        port = silentSocket.getLocalPort();
        httpServer = null;
        httpThreads = null;
        lateAnswers = null;
        daemons("faulty-endpoint-accept").newThread(this::acceptAndHold).start();
      }
      default -> {
        silentSocket = null;
        httpServer = HttpServer.create(anyLoopbackPort, 1000);
        httpThreads = Executors.newFixedThreadPool(4, daemons("faulty-endpoint-http"));
        lateAnswers = Executors.newSingleThreadScheduledExecutor(daemons("faulty-endpoint-late"));
        httpServer.createContext("/", exchange -> answer(exchange, successStatus, successBody));
        httpServer.setExecutor(httpThreads);
        httpServer.start();
        port = httpServer.getAddress().getPort();
      }
    }
  }

  /**
   * Starts an endpoint that fails as {@code fault} says.
   *
   * @param fault how it fails
   * @param successStatus what {@link Fault#SLOW} answers, late (e.g. 200)
   * @param successBody the body of that answer, JSON (e.g. Rollbar's {@code {"err": 0}})
   * @return the endpoint, listening (or, for {@link Fault#REFUSED}, a port nothing listens on)
   * @throws IOException when no port can be bound
   */
  public static FaultyEndpoint start(Fault fault, int successStatus, String successBody) throws IOException {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(successBody, "successBody");
    return new FaultyEndpoint(fault, successStatus, successBody);
  }

  /**
   * @return how this endpoint fails
   */
  public Fault fault() {
    return fault;
  }

  /**
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code http://127.0.0.1:PORT}, without a trailing slash
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * @return how many connections ({@link Fault#NEVER_ANSWERS}) or HTTP requests (the answering faults) came in so
   *     far; 0 for {@link Fault#REFUSED}
   */
  public int attempts() {
    return requests.get();
  }

  /**
   * Waits until at least {@code count} attempts came in, or the timeout passes.
   *
   * @param count how many attempts are awaited
   * @param timeout the longest wait
   * @return whether that many came in
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitAttempts(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      long left;
      while (requests.get() < count && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(requests, left);
      }
      return requests.get() >= count;
    }
  }

  private void countAttempt() {
    synchronized (requests) {
      requests.incrementAndGet();
      requests.notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (silentSocket != null) {
      closeQuietly(silentSocket);
      synchronized (heldConnections) {
        heldConnections.forEach(FaultyEndpoint::closeQuietly);
        heldConnections.clear();
      }
    }
    if (httpServer != null) {
      httpServer.stop(0);
      lateAnswers.shutdownNow();
      httpThreads.shutdownNow();
    }
  }

  private void acceptAndHold() {
    while (!closed) {
      try {
        Socket connection = silentSocket.accept();
        countAttempt();
        synchronized (heldConnections) {
          if (closed) {
            closeQuietly(connection);
          } else {
            heldConnections.add(connection);
          }
        }
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void answer(HttpExchange exchange, int successStatus, String successBody) throws IOException {
    countAttempt();
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    switch (fault) {
      case SLOW -> lateAnswers.schedule(() -> respondQuietly(exchange, successStatus, successBody),
          Fault.SLOW_DELAY.toMillis(), TimeUnit.MILLISECONDS);
      case THROTTLED -> {
        exchange.getResponseHeaders().set("Retry-After", "1");
        respondQuietly(exchange, fault.httpStatus(), "{\"error\": \"too many requests\"}");
      }
      default -> respondQuietly(exchange, fault.httpStatus(), "{\"error\": \"service unavailable\"}");
    }
  }

  private static void respondQuietly(HttpExchange exchange, int status, String body) {
    try (exchange) {
      if (status == 204) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        HttpBodies.respond(exchange, status, "application/json", body);
      }
    } catch (IOException e) {
      // The client gave up first (its read timeout): nothing to answer.
    }
  }

  private static ThreadFactory daemons(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
