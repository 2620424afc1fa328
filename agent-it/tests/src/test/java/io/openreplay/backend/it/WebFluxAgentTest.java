package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.it.WebFluxRequests.Call;
import java.net.http.HttpResponse;
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

  private static final int REQUESTS = 50;
  private static final Pattern ANSWER_VARIES = Pattern.compile("\"(timestamp|requestId)\":\"[^\"]*\"");

  /**
   * Every third request without a token; of the others, hops, failures and body reads, with and without tokens.
   */
  private static List<Call> calls() {
    long firstSession = System.nanoTime() & 0xffffffffL;
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String marker = String.format("w%02d", i);
      long session = i % 3 != 0 ? firstSession + i : -1;
      if (i % 10 == 3) {
        calls.add(Call.of(marker, "/fail/", session, 3));
      } else if (i % 10 == 7) {
        calls.add(Call.of(marker, "/echo/", session, 2));
      } else {
        calls.add(Call.of(marker, "/hops/", session, 6));
      }
    }
    return calls;
  }

  @Test
  void eachLineOfARequestCarriesItsOwnTokenAndOtherwiseTheAppIsUnchanged() throws Exception {
    List<Call> calls = calls();
    Map<String, String> plainAnswers;
    Map<String, List<String>> plainLines;
    try (ForkedApp plain = WebFluxRequests.launch().withoutAgent().start()) {
      plainAnswers = sendAll(plain, calls);
      RenderedLog log = WebFluxRequests.awaitLines(plain, calls);
      plainLines = WebFluxRequests.messagesByMarker(log, calls, false);
      assertEquals(List.of(), log.mentioning("openReplaySession"));
    }

    try (ForkedApp app = WebFluxRequests.launch().start()) {
      Map<String, String> answers = sendAll(app, calls);
      RenderedLog log = WebFluxRequests.awaitLines(app, calls);
      Map<String, List<String>> lines = WebFluxRequests.messagesByMarker(log, calls, true);
      assertEquals(plainAnswers, answers, "the answers are those of the run without the agent");
      assertEquals(plainLines, lines, "without the prefix, the lines are those of the run without the agent");
      assertFalse(WebFluxRequests.linesOfNoRequest(log, calls).isEmpty(), "the application logged lines of its own");
    }
  }

  /** Sends every call at once and returns, by marker, the status and the body of its answer. */
  private static Map<String, String> sendAll(ForkedApp app, List<Call> calls) {
    Map<String, CompletableFuture<HttpResponse<String>>> sent = new LinkedHashMap<>();
    for (Call call : calls) {
      sent.put(call.marker(), WebFluxRequests.send(app, call));
    }
    Map<String, String> answers = new LinkedHashMap<>();
    sent.forEach((marker, response) -> {
      HttpResponse<String> answer = response.join();
      answers.put(marker, answer.statusCode() + " " + ANSWER_VARIES.matcher(answer.body()).replaceAll("\"$1\":\"\""));
    });
    return answers;
  }
}
