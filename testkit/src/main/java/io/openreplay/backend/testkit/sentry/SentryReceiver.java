package io.openreplay.backend.testkit.sentry;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

  private final JsonSerializer serializer = new JsonSerializer(new SentryOptions());
  private final ReceivedItems<ReceivedSentryEvent> received = new ReceivedItems<>();
  private final LoopbackHttpServer server;

  private SentryReceiver() throws IOException {
    server = LoopbackHttpServer.start("sentry-receiver", 1, this::handle);
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static SentryReceiver start() throws IOException {
    return new SentryReceiver();
  }

  /**
   * @return the DSN to give the Sentry SDK, e.g. {@code http://openreplaytestkit@127.0.0.1:PORT/1}
   */
  public String dsn() {
    return "http://" + PUBLIC_KEY + "@127.0.0.1:" + server.port() + "/" + PROJECT_ID;
  }

  /**
   * @return every event item received so far, in arrival order
   */
  public List<ReceivedSentryEvent> events() {
    return received.items();
  }

  /**
   * @return what was refused so far (bad path, key or envelope), one line each; empty when all was well
   */
  public List<String> problems() {
    return received.problems();
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
    return received.await(filter, count, timeout);
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
    received.clear();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String problem = check(exchange);
      if (problem == null) {
        problem = receive(exchange);
      }
      if (problem != null) {
        received.addProblem(problem);
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
    List<ReceivedSentryEvent> events = new ArrayList<>();
    try (InputStream body = HttpBodies.decodedRequestBody(exchange)) {
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
        events.add(toReceived(event));
      }
    } catch (Exception e) {
      return "unreadable envelope: " + e;
    }
    received.addAll(events);
    return null;
  }

  private static ReceivedSentryEvent toReceived(SentryEvent event) {
    Message message = event.getMessage();
    String text = null;
    String template = message == null ? null : message.getMessage();
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
    String level = event.getLevel() == null ? null : event.getLevel().name().toLowerCase(Locale.ROOT);
    return new ReceivedSentryEvent(String.valueOf(event.getEventId()), level, text, exceptionTypes, tags, template);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    HttpBodies.respond(exchange, status, "application/json", json);
  }
}
