package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real Spring Boot 3.5 WebFlux application on Reactor Netty 1.2, with only {@code -javaagent} added and without:
 * 50 concurrent requests, most with a token of their own, some without, each logging ERROR lines on the event loop,
 * after {@code publishOn(boundedElastic)}, inside a {@code flatMap} moved by {@code subscribeOn(parallel)}, after
 * {@code delayElements}, while its body is read, and Spring Boot's own ERROR line for a failure on
 * {@code boundedElastic}. With the agent each line of a request with a token carries the prefix of that request,
 * once, and no other; the lines of requests without one, and every other line of the application, carry none.
 * Without the prefix the lines are those of the run without the agent, and so are the answers.
 */
class WebFluxAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.webflux.WebFluxApp";
  private static final int REQUESTS = 50;
  private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
  /** The log id Spring gives each exchange ({@code [85aeed29-3]}), different from run to run. */
  private static final Pattern EXCHANGE_ID = Pattern.compile("\\[[0-9a-f]{8}-\\d+\\]");
  private static final Pattern ANSWER_VARIES = Pattern.compile("\"(timestamp|requestId)\":\"[^\"]*\"");

  /** One request: its marker, what it asks for, and its token, or none. */
  private record Call(String marker, String path, String token, String sessionId, int lines) {

    String prefix() {
      return "[openReplaySessionToken=" + token + "] [openReplaySession.id=" + sessionId + "] ";
    }

    String tag() {
      return "[" + marker + "]";
    }
  }

  private static ForkedApp.Launch launch() {
    return ForkedApp.app("webflux", MAIN)
        .argument("--server.port=0")
        .argument("--server.address=127.0.0.1")
        .argument("--spring.main.banner-mode=off");
  }

  /**
   * Every third request without a token; of the others, hops, failures and body reads, with and without tokens.
   */
  private static List<Call> calls() {
    long firstSession = System.nanoTime() & 0xffffffffL;
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String marker = String.format("w%02d", i);
      boolean tokened = i % 3 != 0;
      long session = firstSession + i;
      String token = tokened ? TestTokens.token(session) : null;
      String sessionId = tokened ? Long.toUnsignedString(session) : null;
      if (i % 10 == 3) {
        calls.add(new Call(marker, "/fail/" + marker, token, sessionId, 3));
      } else if (i % 10 == 7) {
        calls.add(new Call(marker, "/echo/" + marker, token, sessionId, 2));
      } else {
        calls.add(new Call(marker, "/hops/" + marker, token, sessionId, 6));
      }
    }
    return calls;
  }

  @Test
  void eachLineOfARequestCarriesItsOwnTokenAndOtherwiseTheAppIsUnchanged() throws Exception {
    List<Call> calls = calls();
    Map<String, String> plainAnswers;
    Map<String, List<String>> plainLines;
    try (ForkedApp plain = launch().withoutAgent().start()) {
      plainAnswers = sendAll(plain, calls);
      RenderedLog log = awaitLines(plain, calls);
      plainLines = messagesByMarker(log, calls, false);
      assertEquals(List.of(), log.mentioning("openReplaySession"));
    }

    try (ForkedApp app = launch().start()) {
      Map<String, String> answers = sendAll(app, calls);
      RenderedLog log = awaitLines(app, calls);
      Map<String, List<String>> lines = messagesByMarker(log, calls, true);
      assertEquals(plainAnswers, answers, "the answers are those of the run without the agent");
      assertEquals(plainLines, lines, "without the prefix, the lines are those of the run without the agent");
      List<String> others = new ArrayList<>(log.records());
      calls.forEach(call -> others.removeAll(log.mentioning(call.tag())));
      assertFalse(others.isEmpty(), "the application logged lines of its own");
      for (String other : others) {
        assertFalse(other.contains("openReplaySession"), () -> "a line of no request carries a token: " + other);
      }
    }
  }

  /** Sends every call at once and returns, by marker, the status and the body of its answer. */
  private static Map<String, String> sendAll(ForkedApp app, List<Call> calls) {
    Map<String, CompletableFuture<HttpResponse<String>>> sent = new LinkedHashMap<>();
    for (Call call : calls) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + call.path()))
          .timeout(Duration.ofSeconds(30));
      if (call.path().startsWith("/echo/")) {
        request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("body of " + call.marker()));
      }
      if (call.token() != null) {
        request.header(ContainerAgentTest.HEADER, call.token());
      }
      sent.put(call.marker(), app.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
    Map<String, String> answers = new LinkedHashMap<>();
    sent.forEach((marker, response) -> {
      HttpResponse<String> answer = response.join();
      answers.put(marker, answer.statusCode() + " " + ANSWER_VARIES.matcher(answer.body()).replaceAll("\"$1\":\"\""));
    });
    return answers;
  }

  /** The app's console once every call's lines are there (at most {@link ContainerAgentTest#WAIT}). */
  private static RenderedLog awaitLines(ForkedApp app, List<Call> calls) throws IOException, InterruptedException {
    int expected = calls.stream().mapToInt(Call::lines).sum();
    long deadline = System.nanoTime() + ContainerAgentTest.WAIT.toNanos();
    while (true) {
      RenderedLog log = RenderedLog.of(app.toString(), app.output(), TIME);
      int found = calls.stream().mapToInt(call -> log.mentioning(call.tag()).size()).sum();
      if (found >= expected || System.nanoTime() - deadline > 0) {
        for (Call call : calls) {
          assertEquals(call.lines(), log.mentioning(call.tag()).size(), () -> call + " in " + log.records());
        }
        return log;
      }
      synchronized (WebFluxAgentTest.class) {
        WebFluxAgentTest.class.wait(50);
      }
    }
  }

  /**
   * By marker, the messages of the call's records (first line after the logger), sorted; with {@code agent}, each
   * record of a call with a token is first checked to carry that call's prefix once and no other token, which is
   * then taken out, and each record of a call without one to carry none.
   */
  private static Map<String, List<String>> messagesByMarker(RenderedLog log, List<Call> calls, boolean agent) {
    Map<String, List<String>> byMarker = new LinkedHashMap<>();
    for (Call call : calls) {
      List<String> messages = new ArrayList<>();
      for (String record : log.mentioning(call.tag())) {
        String line = RenderedLog.firstLine(record);
        String message = line.substring(line.indexOf(" - ") + 3);
        if (agent && call.token() != null) {
          assertTrue(message.startsWith(call.prefix()), () -> call + " carries its prefix: " + record);
          message = message.substring(call.prefix().length());
          assertEquals(1, record.split("openReplaySession\\.id=", -1).length - 1, () -> "one prefix: " + record);
          assertEquals(1, record.split("openReplaySessionToken=", -1).length - 1, () -> "one prefix: " + record);
        } else {
          assertFalse(record.contains("openReplaySession"), () -> call + " carries no token: " + record);
        }
        messages.add(EXCHANGE_ID.matcher(message).replaceAll("[exchange]"));
      }
      messages.sort(null);
      byMarker.put(call.marker(), messages);
    }
    return byMarker;
  }
}
