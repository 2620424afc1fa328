package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The isolation load test of the filter issue, with the agent instead of the filter: 20,000 requests from 32
 * concurrent clients against the unmodified Tomcat app, each request with its own token (a third as the bare
 * session id of the G2 header, a tenth with none), mixing synchronous requests, work handed to the app's executor
 * and to CompletableFuture, {@code AsyncContext.start} and asynchronous dispatch. Every event must carry exactly its
 * own request's token, and nothing logged on a pool or container thread afterwards may carry any.
 */
class AgentIsolationLoadTest {

  private static final int CLIENTS = 32;
  private static final int REQUESTS = 20_000;
  private static final Pattern MARKER = Pattern.compile("id=(L\\d+)");

  /** A request's path and how many events it logs. */
  private record Kind(String path, int events) {
  }

  private static Kind kind(int i) {
    return switch (i % 10) {
      case 0, 1, 2, 3 -> new Kind("/s/sync", 1);
      case 4, 5 -> new Kind("/s/executor", 1);
      case 6 -> new Kind("/s/completable", 2);
      case 7, 8 -> new Kind("/async", 1);
      default -> new Kind("/dispatch", 1);
    };
  }

  /** What request i sends: header name and value, or null for none; and the token and id expected. */
  private record Sent(String header, String value, String token, String sessionId) {
  }

  private static Sent sent(int i) {
    long id = 8_000_000_000_000_000_000L + i;
    String sessionId = Long.toUnsignedString(id);
    if (i % 10 == 3) {
      return new Sent(null, null, null, null);
    }
    if (i % 3 == 0) {
      return new Sent("openReplaySession.id", sessionId, null, sessionId);
    }
    String token = TestTokens.token(id);
    return new Sent(i % 2 == 0 ? "X-OpenReplay-SessionToken" : "X-OpenReplay-Session-Token", token, token, sessionId);
  }

  @Test
  void everyEventCarriesExactlyItsOwnRequestsTokenUnderLoad() throws Exception {
    Sent[] sents = new Sent[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      sents[i] = sent(i);
    }
    try (ForkedApp app = ForkedApp.app("tomcat", "io.openreplay.backend.it.tomcat.TomcatApp")
        .property("it.console.level", "OFF").start()) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
            Sent sent = sents[i];
            HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + kind(i).path() + "?id=L" + i)).timeout(Duration.ofSeconds(60));
            if (sent.header() != null) {
              request.header(sent.header(), sent.value());
            }
            HttpResponse<String> response = app.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().endsWith("L" + i)) {
              failed.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get(10, TimeUnit.MINUTES);
      }
      clients.shutdown();
      assertEquals(0, failed.get(), "failed requests");

      int expected = 0;
      for (int i = 0; i < REQUESTS; i++) {
        expected += kind(i).events();
      }
      List<JsonNode> events = app.log().await(event -> MARKER.matcher(String.valueOf(text(event, "message"))).find(),
          expected, Duration.ofSeconds(60));
      assertEquals(expected, events.size(), "events logged by the requests");
      List<String> mismatches = new ArrayList<>();
      Map<String, Integer> perRequest = new HashMap<>();
      for (JsonNode event : events) {
        Matcher marker = MARKER.matcher(text(event, "message"));
        assertTrue(marker.find());
        int i = Integer.parseInt(marker.group(1).substring(1));
        perRequest.merge(marker.group(1), 1, Integer::sum);
        Sent sent = sents[i];
        if (!java.util.Objects.equals(sent.token(), text(event, "openReplaySessionToken"))
            || !java.util.Objects.equals(sent.sessionId(), text(event, "openReplaySession.id"))) {
          mismatches.add(event.toString());
        }
      }
      assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())), mismatches.size() + " mismatches");
      assertEquals(REQUESTS, perRequest.size(), "requests that logged");

      String residue = "residue" + System.nanoTime();
      assertEquals(200, app.get("/s/residue?id=" + residue).statusCode());
      List<JsonNode> after = app.log().await(AppLog.messageContains("id=" + residue), ContainerAgentTest.RESIDUE_EVENTS,
          ContainerAgentTest.WAIT);
      assertEquals(ContainerAgentTest.RESIDUE_EVENTS, after.size());
      after.forEach(ContainerAgentTest::assertCarriesNothing);
    }
  }
}
