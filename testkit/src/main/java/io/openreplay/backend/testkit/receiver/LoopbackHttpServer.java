package io.openreplay.backend.testkit.receiver;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on a free port of 127.0.0.1, serving every path with one handler on named daemon threads (so a
 * receiver left open never keeps the JVM alive). A loopback receiver starts one and closes it when it is closed.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  static {
    answerWithoutNagleDelay();
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds a free port of 127.0.0.1 and starts serving.
   *
   * @param threadName the name of the server's threads, e.g. {@code sentry-receiver}
   * @param threads how many requests are served at once (at least 1)
   * @param handler what answers each request, whatever its path
   * @return the running server
   * @throws IOException when no port can be bound
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public static LoopbackHttpServer start(String threadName, int threads, HttpHandler handler) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
    return new LoopbackHttpServer(server, executor);
  }

  /**
   * Makes the JDK's HTTP servers of this JVM send each answer at once ({@code TCP_NODELAY}), unless the JVM was
   * started with {@code sun.net.httpserver.nodelay} set: the server writes an answer's headers and body apart, and
   * with Nagle's algorithm the body then waits for the client's delayed acknowledgement, about 40 ms a request, which
   * made 1,000 items take a minute. Takes effect when called before the JVM's first JDK HTTP server starts, as the
   * receivers do.
   */
  public static void answerWithoutNagleDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /**
   * @return the port the server listens on, on 127.0.0.1
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * @return the server's address for a client, {@code http://127.0.0.1:PORT} (no trailing slash)
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops the server at once, and its threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
