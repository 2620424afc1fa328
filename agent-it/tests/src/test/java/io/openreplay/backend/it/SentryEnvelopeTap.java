package io.openreplay.backend.it;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.EnvelopeReader;
import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryEvent;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A relay on 127.0.0.1 in front of a {@link SentryReceiver}: it passes every envelope on to the receiver unchanged
 * (the receiver checks and parses it as usual, and OpenReplay's lookups run on what it holds) and keeps each event
 * item whole, parsed with the Sentry SDK's own reader, for what the receiver's events leave out: {@code logentry}'s
 * template and formatted text apart, the exceptions' values and frames, the contexts. It answers the SDK with the
 * receiver's answer.
 */
final class SentryEnvelopeTap implements AutoCloseable {

  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

  private final JsonSerializer serializer = new JsonSerializer(new SentryOptions());
  private final ReceivedItems<SentryEvent> events = new ReceivedItems<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();
  private final URI receiverBase;
  private final LoopbackHttpServer server;

  private SentryEnvelopeTap(SentryReceiver receiver) throws IOException {
    URI dsn = URI.create(receiver.dsn());
    receiverBase = URI.create("http://" + dsn.getHost() + ":" + dsn.getPort());
    server = LoopbackHttpServer.start("sentry-envelope-tap", 1, this::relay);
  }

  /**
   * Starts a tap in front of {@code receiver}.
   *
   * @param receiver the receiver the envelopes go on to
   * @return the running tap
   * @throws IOException when no port can be bound
   */
  static SentryEnvelopeTap inFrontOf(SentryReceiver receiver) throws IOException {
    return new SentryEnvelopeTap(receiver);
  }

  /** The DSN to give the SDK: the receiver's key and project, the tap's port. */
  String dsn() {
    return "http://" + SentryReceiver.PUBLIC_KEY + "@127.0.0.1:" + server.port() + "/" + SentryReceiver.PROJECT_ID;
  }

  /** Waits until at least {@code count} events passed on so far match, at most {@code timeout}. */
  List<SentryEvent> awaitEvents(Predicate<SentryEvent> filter, int count, Duration timeout)
      throws InterruptedException {
    return events.await(filter, count, timeout);
  }

  /** Envelopes the tap could not read or pass on, one line each. */
  List<String> problems() {
    return events.problems();
  }

  @Override
  public void close() {
    server.close();
  }

  private void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      keepEvents(body, exchange.getRequestHeaders().getFirst("Content-Encoding"));
      HttpRequest.Builder forward = HttpRequest.newBuilder(receiverBase.resolve(exchange.getRequestURI()))
          .timeout(FORWARD_TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Content-Type", "Content-Encoding", "X-Sentry-Auth", "User-Agent")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          forward.header(header, value);
        }
      }
      HttpResponse<String> answer;
      try {
        answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        events.addProblem("interrupted while passing an envelope on");
        HttpBodies.respond(exchange, 503, "application/json", "{}");
        return;
      } catch (IOException e) {
        events.addProblem("could not pass an envelope on: " + e);
        HttpBodies.respond(exchange, 503, "application/json", "{}");
        return;
      }
      HttpBodies.respond(exchange, answer.statusCode(), "application/json", answer.body());
    }
  }

  private void keepEvents(byte[] body, String encoding) {
    List<SentryEvent> received = new ArrayList<>();
    try (InputStream in = "gzip".equalsIgnoreCase(encoding)
        ? new GZIPInputStream(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body)) {
      SentryEnvelope envelope = new EnvelopeReader(serializer).read(in);
      if (envelope == null) {
        events.addProblem("not an envelope");
        return;
      }
      for (SentryEnvelopeItem item : envelope.getItems()) {
        if (item.getHeader().getType() == SentryItemType.Event) {
          SentryEvent event = item.getEvent(serializer);
          if (event == null) {
            events.addProblem("unreadable event item");
            return;
          }
          received.add(event);
        }
      }
    } catch (Exception e) {
      events.addProblem("unreadable envelope: " + e);
      return;
    }
    events.addAll(received);
  }
}
