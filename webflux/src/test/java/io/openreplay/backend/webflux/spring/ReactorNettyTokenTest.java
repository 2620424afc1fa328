package io.openreplay.backend.webflux.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.webflux.spring.RenderedLines.Line;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spring Boot 3.5 WebFlux on Reactor Netty with nothing but {@code openreplay-webflux} on the class path (its
 * auto-configuration), over real HTTP on 127.0.0.1: every line a request logs, on the event loop and after
 * publishOn/subscribeOn/flatMap/delayElements hops, and Spring Boot's own ERROR line for its failure, carries that
 * request's token in its MDC and in the {@code %openReplay} prefix; a request without one, or with an invalid one,
 * logs none; many concurrent requests never see each other's token.
 */
class ReactorNettyTokenTest {

  private static final Duration WAIT = WebFluxApp.WAIT;

  private static final WebFluxApp APP = WebFluxApp.hops();

  @RegisterExtension
  final RenderedLines lines = new RenderedLines();


  /** One request: its path kind, its id (the lines' marker) and the token header it sends, if any. */
  private record Call(String kind, String id, String header, SessionToken expected) {

    static Call of(String kind, String id, String header) {
      return new Call(kind, id, header, SessionToken.parseOrNull(header));
    }

    int lineCount() {
      return kind.equals("hops") ? HopsController.HOPS_LINES : HopsController.FAIL_LINES;
    }

    int status() {
      return kind.equals("hops") ? 200 : 500;
    }

    boolean owns(Line line) {
      return line.rendered().contains("[" + id + "]") || line.rendered().contains("\"/fail/" + id + "\"");
    }
  }

  private CompletableFuture<HttpResponse<String>> send(Call call) {
    String path = "/" + call.kind() + "/" + call.id();
    return call.header() == null ? APP.get(path, "Accept", "text/html")
        : APP.get(path, "Accept", "text/html", "X-OpenReplay-SessionToken", call.header());
  }

  private List<Line> linesOf(Call call) throws InterruptedException {
    List<Line> found = lines.await(call::owns, call.lineCount(), WAIT);
    assertEquals(call.lineCount(), found.size(), () -> call + " logged " + found);
    return found;
  }

  private static void assertCarries(Call call, Line line) {
    SessionToken expected = call.expected();
    if (expected == null) {
      assertFalse(line.mdc().containsKey(SessionToken.TOKEN_KEY) || line.mdc().containsKey(SessionToken.SESSION_ID_KEY),
          () -> call + ": no key on " + line);
      assertFalse(line.rendered().contains("openReplaySession"), () -> call + ": no prefix on " + line);
      return;
    }
    assertEquals(expected.token(), line.token(), () -> call + ": the token in the MDC of " + line);
    assertEquals(expected.sessionId(), line.sessionId(), () -> call + ": the session id in the MDC of " + line);
    String prefix = "[openReplaySessionToken=" + expected.token() + "] [openReplaySession.id=" + expected.sessionId()
        + "] ";
    assertTrue(line.rendered().contains(" - " + prefix), () -> call + ": the prefix on " + line);
  }

  @Test
  void everyLineOfARequestCarriesItsTokenAcrossSchedulerHops() throws Exception {
    Call call = Call.of("hops", "contract", Tokens.CONTRACT_TOKEN);
    HttpResponse<String> response = send(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("ok contract", response.body());
    List<Line> found = linesOf(call);
    Set<String> threads = new TreeSet<>();
    for (Line line : found) {
      assertCarries(call, line);
      assertTrue(line.rendered().contains("[openReplaySessionToken=" + Tokens.CONTRACT_TOKEN
          + "] [openReplaySession.id=" + Tokens.CONTRACT_ID + "] "), line::toString);
      threads.add(line.thread().replaceAll("-\\d+$", ""));
    }
    assertTrue(threads.containsAll(List.of("reactor-http-epoll", "boundedElastic", "parallel"))
        || threads.containsAll(List.of("reactor-http-nio", "boundedElastic", "parallel")),
        () -> "the lines were logged on the event loop, boundedElastic and parallel threads: " + threads);
  }

  @Test
  void springBootsErrorLineCarriesTheToken() throws Exception {
    Call call = Call.of("fail", "contract-failure", Tokens.CONTRACT_TOKEN);
    HttpResponse<String> response = send(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(500, response.statusCode());
    List<Line> found = linesOf(call);
    found.forEach(line -> assertCarries(call, line));
    assertTrue(found.stream().anyMatch(line -> line.logger().contains("ErrorWebExceptionHandler")
        && line.level().equals("ERROR") && line.rendered().contains("500 Server Error")
        && line.rendered().contains("IllegalStateException: payment failed for [contract-failure]")),
        () -> "Spring Boot's error line among " + found);
  }

  @Test
  void aRequestWithoutAValidTokenLogsNone() throws Exception {
    List<Call> calls = List.of(Call.of("hops", "none", null), Call.of("fail", "none-failure", null),
        Call.of("hops", "invalid", "jw4wdfpgqhoj.3az\"<b>"), Call.of("hops", "too-long", "a".repeat(257)));
    for (Call call : calls) {
      HttpResponse<String> response = send(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(call.status(), response.statusCode(), call::toString);
      linesOf(call).forEach(line -> assertCarries(call, line));
    }
  }

  @Test
  void concurrentRequestsNeverSeeEachOthersTokens() throws Exception {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String header = i % 6 == 5 ? null : Tokens.forSession(Tokens.randomSessionId());
      calls.add(Call.of(i % 4 == 3 ? "fail" : "hops", "concurrent-" + i, header));
    }
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (Call call : calls) {
      responses.add(send(call));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(calls.get(i).status(), responses.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode(),
          calls.get(i)::toString);
    }
    for (Call call : calls) {
      linesOf(call).forEach(line -> assertCarries(call, line));
    }
  }
}
