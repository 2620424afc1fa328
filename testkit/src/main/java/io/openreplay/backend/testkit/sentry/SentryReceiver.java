package io.openreplay.backend.testkit.sentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sentry.EnvelopeReader;
import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryEvent;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A Sentry ingestion endpoint on 127.0.0.1: takes envelopes at {@code POST /api/1/envelope/}, parses them with the
 * Sentry SDK's own {@link EnvelopeReader} and {@link JsonSerializer}, and keeps the event items. Anything it cannot
 * parse, or that is not addressed to it, is refused with status 400 and recorded in {@link #problems()}.
 *
 * <pre>{@code
 * try (SentryReceiver sentry = SentryReceiver.start()) {
 *   Sentry.init(options -> options.setDsn(sentry.dsn()));
 *   Sentry.captureException(new IllegalStateException("boom"));
 *   Sentry.flush(5000);
 *   List<ReceivedSentryEvent> errors = sentry.awaitEvents(e -> e.isError(), 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SentryReceiver implements AutoCloseable {

  /** The public key of {@link #dsn()}; envelopes signed with another key are refused. */
  public static final String PUBLIC_KEY = "openreplaytestkit";

  /** The project id of {@link #dsn()}. */
  public static final String PROJECT_ID = "1";

  private static final String ENVELOPE_PATH = "/api/" + PROJECT_ID + "/envelope/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final JsonSerializer serializer;
  private final Object lock = new Object();
  private final List<ReceivedSentryEvent> events = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private SentryReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.serializer = new JsonSerializer(new SentryOptions());
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static SentryReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "sentry-receiver");
      thread.setDaemon(true);
      return thread;
    });
    SentryReceiver receiver = new SentryReceiver(server, executor);
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /**
   * @return the DSN to give the Sentry SDK, e.g. {@code http://openreplaytestkit@127.0.0.1:PORT/1}
   */
  public String dsn() {
    return "http://" + PUBLIC_KEY + "@127.0.0.1:" + server.getAddress().getPort() + "/" + PROJECT_ID;
  }

  /**
   * @return every event item received so far, in arrival order
   */
  public List<ReceivedSentryEvent> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  /**
   * @return what was refused so far (bad path, key or envelope), one line each; empty when all was well
   */
  public List<String> problems() {
    synchronized (lock) {
      return List.copyOf(problems);
    }
  }

  /**
   * Waits until at least {@code count} received events match, or the timeout passes.
   *
   * @param filter which events count
   * @param count how many are awaited
   * @param timeout the longest wait
   * @return the matching events received by then (fewer than {@code count} when the time ran out)
   * @throws InterruptedException when interrupted while waiting
   */
  public List<ReceivedSentryEvent> awaitEvents(Predicate<ReceivedSentryEvent> filter, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<ReceivedSentryEvent> matching = events.stream().filter(filter).toList();
        long left = deadline - System.nanoTime();
        if (matching.size() >= count || left <= 0) {
          return matching;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  /**
   * Waits for the event with the given id.
   *
   * @param eventId the id the SDK returned for the event (with or without dashes)
   * @param timeout the longest wait
   * @return the event, or empty when it did not arrive in time
   * @throws InterruptedException when interrupted while waiting
   */
  public Optional<ReceivedSentryEvent> awaitEvent(String eventId, Duration timeout) throws InterruptedException {
    String id = eventId.replace("-", "");
    return awaitEvents(event -> event.eventId().equals(id), 1, timeout).stream().findFirst();
  }

  /** Forgets everything received so far. */
  public void clear() {
    synchronized (lock) {
      events.clear();
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
      String problem = check(exchange);
      if (problem == null) {
        problem = receive(exchange);
      }
      if (problem != null) {
        synchronized (lock) {
          problems.add(problem);
          lock.notifyAll();
        }
        respond(exchange, 400, "{\"detail\":\"" + problem.replace('"', '\'') + "\"}");
        return;
      }
      respond(exchange, 200, "{}");
    }
  }

  private static String check(HttpExchange exchange) {
    if (!"POST".equals(exchange.getRequestMethod())) {
      return "method " + exchange.getRequestMethod();
    }
    String path = exchange.getRequestURI().getPath();
    if (!ENVELOPE_PATH.equals(path)) {
      return "path " + path;
    }
    String auth = exchange.getRequestHeaders().getFirst("X-Sentry-Auth");
    if (auth == null || !auth.contains("sentry_key=" + PUBLIC_KEY)) {
      return "X-Sentry-Auth " + auth;
    }
    return null;
  }

  private String receive(HttpExchange exchange) {
    List<ReceivedSentryEvent> received = new ArrayList<>();
    try (InputStream body = decoded(exchange)) {
      SentryEnvelope envelope = new EnvelopeReader(serializer).read(body);
      if (envelope == null) {
        return "not an envelope";
      }
      for (SentryEnvelopeItem item : envelope.getItems()) {
        if (item.getHeader().getType() != SentryItemType.Event) {
          continue;
        }
        SentryEvent event = item.getEvent(serializer);
        if (event == null) {
          return "unreadable event item";
        }
        received.add(toReceived(event));
      }
    } catch (Exception e) {
      return "unreadable envelope: " + e;
    }
    synchronized (lock) {
      events.addAll(received);
      lock.notifyAll();
    }
    return null;
  }

  private static InputStream decoded(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    if (encoding == null || encoding.isEmpty()) {
      return body;
    }
    if ("gzip".equalsIgnoreCase(encoding)) {
      return new GZIPInputStream(body);
    }
    throw new IOException("unknown Content-Encoding " + encoding);
  }

  private static ReceivedSentryEvent toReceived(SentryEvent event) {
    Message message = event.getMessage();
    String text = null;
    if (message != null) {
      text = message.getFormatted() != null ? message.getFormatted() : message.getMessage();
    }
    List<String> exceptionTypes = new ArrayList<>();
    if (event.getExceptions() != null) {
      for (SentryException exception : event.getExceptions()) {
        exceptionTypes.add(String.valueOf(exception.getType()));
      }
    }
    Map<String, String> tags = new LinkedHashMap<>();
    if (event.getTags() != null) {
      event.getTags().forEach((key, value) -> {
        if (key != null && value != null) {
          tags.put(key, value);
        }
      });
    }
    String level = event.getLevel() == null ? null : event.getLevel().name().toLowerCase(java.util.Locale.ROOT);
    return new ReceivedSentryEvent(String.valueOf(event.getEventId()), level, text, exceptionTypes, tags);
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
