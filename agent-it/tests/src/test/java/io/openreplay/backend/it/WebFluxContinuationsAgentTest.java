package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.it.WebFluxRequests.Call;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The WebFlux app of {@link WebFluxAgentTest} (Spring Boot 3.5, Reactor Netty 1.2), with only {@code -javaagent}
 * added and without, where a request's work goes on after another connection's I/O or with a value another request
 * produced:
 *
 * <ul>
 *   <li>concurrent requests call a loopback receiver through {@code WebClient} and log in the continuation of its
 *       answer, which runs on the client connection's event loop;</li>
 *   <li>two requests with different tokens read one {@code Mono.cache()}d answer of the receiver: the first starts
 *       the call, the second subscribes while it is under way, and the answer reaches both at once;</li>
 *   <li>two requests with different tokens wait for the next event of one {@code Sinks.many().multicast()} sink, and
 *       a third request, with a token of its own, emits it: the event reaches both on the emitter's thread;</li>
 *   <li>the same through one {@code publish().refCount(2)} (what {@code share()} is, connected once both wait) of
 *       another sink;</li>
 *   <li>two requests, one with a token and one without, each wait for the next value of a {@code Flux.create} sink
 *       of its own, which it registers, and a third request, with a token of its own, feeds both sinks on its
 *       thread.</li>
 * </ul>
 *
 * <p>With the agent every line of a request with a token carries that request's prefix once, never another's, and
 * the lines of requests without one carry none; without the prefix the lines and the answers are those of the run
 * without the agent.
 */
class WebFluxContinuationsAgentTest {

  /** The requests of one run: each with a token of its own, but every third of the WebClient ones. */
  private record Calls(List<Call> client, Call firstCached, Call secondCached, Call firstWaiting,
      Call secondWaiting, Call emitter, Call firstSharing, Call secondSharing, Call broadcaster,
      Call createdWithToken, Call createdWithout, Call feeder) {

    static Calls make() {
      long session = System.nanoTime() & 0xffffffffL;
      List<Call> client = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        client.add(Call.of(String.format("c%02d", i), "/client/", i % 3 == 0 ? -1 : session + i, 2));
      }
      return new Calls(client, Call.of("sA", "/cached/", session + 10, 2), Call.of("sB", "/cached/", session + 11, 2),
          Call.of("eA", "/events/", session + 12, 2), Call.of("eB", "/events/", session + 13, 2),
          Call.of("eC", "/emit/", session + 14, 1), Call.of("fA", "/shared/", session + 15, 2),
          Call.of("fB", "/shared/", session + 16, 2), Call.of("fC", "/broadcast/", session + 17, 1),
          Call.of("kB", "/created/", session + 18, 2), Call.of("kN", "/created/", -1, 2),
          Call.of("kA", "/feed/", session + 19, 1));
    }

    List<Call> all() {
      List<Call> all = new ArrayList<>(client);
      all.addAll(List.of(firstCached, secondCached, firstWaiting, secondWaiting, emitter, firstSharing, secondSharing,
          broadcaster, createdWithToken, createdWithout, feeder));
      return all;
    }
  }

  /** What one run of the app shows: the answers by marker and its console. */
  private record Run(Map<String, String> answers, RenderedLog log) {
  }

  private static ForkedApp.Launch launch(Receiver receiver) {
    return WebFluxRequests.launch().argument("--receiver=" + receiver.server.baseUrl());
  }

  @Test
  void continuationsAndSharedValuesCarryTheTokenOfTheirOwnRequest() throws Exception {
    Calls calls = Calls.make();
    Run plain;
    try (Receiver receiver = new Receiver(); ForkedApp app = launch(receiver).withoutAgent().start()) {
      plain = run(app, receiver, calls);
      assertEquals(List.of(), plain.log().mentioning("openReplaySession"));
    }
    Run agent;
    try (Receiver receiver = new Receiver(); ForkedApp app = launch(receiver).start()) {
      agent = run(app, receiver, calls);
    }
    assertEquals(plain.answers(), agent.answers(), "the answers are those of the run without the agent");
    assertEquals(WebFluxRequests.messagesByMarker(plain.log(), calls.all(), false),
        WebFluxRequests.messagesByMarker(agent.log(), calls.all(), true),
        "without the prefix, the lines are those of the run without the agent");
    WebFluxRequests.linesOfNoRequest(agent.log(), calls.all());
  }

  /**
   * Sends the WebClient requests at once; then the two {@code Mono.cache()} readers, the second once the first has
   * started the receiver's slow call, which is answered once the second waits; then the two event readers and,
   * once both wait, the emitter; then the two readers of the shared broadcasts and, once they are connected, the
   * broadcaster; then the two requests of {@code Flux.create} sinks and, once both sinks are registered, the feeder.
   */
  private static Run run(ForkedApp app, Receiver receiver, Calls calls) throws Exception {
    Map<String, CompletableFuture<HttpResponse<String>>> sent = new LinkedHashMap<>();
    for (Call call : calls.client()) {
      sent.put(call.marker(), WebFluxRequests.send(app, call));
    }
    sent.put(calls.firstCached().marker(), WebFluxRequests.send(app, calls.firstCached()));
    receiver.slowAsked.get(ContainerAgentTest.WAIT.toSeconds(), TimeUnit.SECONDS);
    sent.put(calls.secondCached().marker(), WebFluxRequests.send(app, calls.secondCached()));
    WebFluxRequests.awaitLines(app, List.of(new Call(calls.secondCached().marker(), null, null, null, 1)));
    receiver.slowReleased.complete(null);

    sent.put(calls.firstWaiting().marker(), WebFluxRequests.send(app, calls.firstWaiting()));
    sent.put(calls.secondWaiting().marker(), WebFluxRequests.send(app, calls.secondWaiting()));
    awaitAnswer(app, "/events", "2");
    sent.put(calls.emitter().marker(), WebFluxRequests.send(app, calls.emitter()));

    sent.put(calls.firstSharing().marker(), WebFluxRequests.send(app, calls.firstSharing()));
    sent.put(calls.secondSharing().marker(), WebFluxRequests.send(app, calls.secondSharing()));
    awaitAnswer(app, "/shared", "1");
    sent.put(calls.broadcaster().marker(), WebFluxRequests.send(app, calls.broadcaster()));

    sent.put(calls.createdWithToken().marker(), WebFluxRequests.send(app, calls.createdWithToken()));
    sent.put(calls.createdWithout().marker(), WebFluxRequests.send(app, calls.createdWithout()));
    awaitAnswer(app, "/created", "2");
    sent.put(calls.feeder().marker(), WebFluxRequests.send(app, calls.feeder()));

    Map<String, String> answers = new LinkedHashMap<>();
    sent.forEach((marker, response) -> {
      HttpResponse<String> answer = response.join();
      answers.put(marker, answer.statusCode() + " " + answer.body());
    });
    return new Run(answers, WebFluxRequests.awaitLines(app, calls.all()));
  }

  /** Asks the app for {@code path} until it answers {@code expected} (at most {@link ContainerAgentTest#WAIT}). */
  private static void awaitAnswer(ForkedApp app, String path, String expected)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + ContainerAgentTest.WAIT.toNanos();
    String answer = app.get(path).body();
    while (!answer.equals(expected) && System.nanoTime() - deadline < 0) {
      synchronized (WebFluxContinuationsAgentTest.class) {
        WebFluxContinuationsAgentTest.class.wait(20);
      }
      answer = app.get(path).body();
    }
    assertEquals(expected, answer, path);
  }

  /**
   * The loopback receiver the app calls: {@code /answer/ID} answers {@code answer of ID} at once, {@code /slow}
   * answers {@code slow answer} once released (at most {@link ContainerAgentTest#WAIT} later).
   */
  private static final class Receiver implements AutoCloseable {
    private final CompletableFuture<Void> slowAsked = new CompletableFuture<>();
    private final CompletableFuture<Void> slowReleased = new CompletableFuture<>();
    private final LoopbackHttpServer server;

    Receiver() throws IOException {
      server = LoopbackHttpServer.start("webflux-receiver", 16, this::answer);
    }

    private void answer(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      String body;
      if (path.equals("/slow")) {
        slowAsked.complete(null);
        slowReleased.completeOnTimeout(null, ContainerAgentTest.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        body = "slow answer";
      } else {
        body = "answer of " + path.substring(path.lastIndexOf('/') + 1);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      slowReleased.complete(null);
      server.close();
    }
  }
}
