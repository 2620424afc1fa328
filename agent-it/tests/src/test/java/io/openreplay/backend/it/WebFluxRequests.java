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

/**
 * The requests the WebFlux agent tests send to the app of {@code apps/webflux}, and the checks of the lines each
 * logs: every line names its request's marker as {@code [marker]}.
 */
final class WebFluxRequests {

  static final String MAIN = "io.openreplay.backend.it.webflux.WebFluxApp";
  private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
  /** The log id Spring gives each exchange ({@code [85aeed29-3]}), different from run to run. */
  private static final Pattern EXCHANGE_ID = Pattern.compile("\\[[0-9a-f]{8}-\\d+\\]");

  private WebFluxRequests() {
  }

  /** One request: its marker, what it asks for, its token (or none) and how many lines it logs. */
  record Call(String marker, String path, String token, String sessionId, int lines) {

    /**
     * @param marker the request's marker
     * @param path the path asked for, to which the marker is appended
     * @param session the request's session id, or a negative number for a request without a token
     * @param lines how many lines the request logs
     * @return the request
     */
    static Call of(String marker, String path, long session, int lines) {
      return session < 0 ? new Call(marker, path + marker, null, null, lines)
          : new Call(marker, path + marker, TestTokens.token(session), Long.toUnsignedString(session), lines);
    }

    String prefix() {
      return "[openReplaySessionToken=" + token + "] [openReplaySession.id=" + sessionId + "] ";
    }

    String tag() {
      return "[" + marker + "]";
    }
  }

  /** Spring Boot's command line for the app: any free port of 127.0.0.1, no banner. */
  static ForkedApp.Launch launch() {
    return ForkedApp.app("webflux", MAIN)
        .argument("--server.port=0")
        .argument("--server.address=127.0.0.1")
        .argument("--spring.main.banner-mode=off");
  }

  /** Sends {@code call} (a {@code POST} with a body for {@code /echo/}), with its token header if it has one. */
  static CompletableFuture<HttpResponse<String>> send(ForkedApp app, Call call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + call.path()))
        .timeout(Duration.ofSeconds(30));
    if (call.path().startsWith("/echo/")) {
      request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("body of " + call.marker()));
    }
    if (call.token() != null) {
      request.header(ContainerAgentTest.HEADER, call.token());
    }
    return app.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The app's console once each call's lines are there (at most {@link ContainerAgentTest#WAIT}). */
  static RenderedLog awaitLines(ForkedApp app, List<Call> calls) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + ContainerAgentTest.WAIT.toNanos();
    while (true) {
      RenderedLog log = RenderedLog.of(app.toString(), app.output(), TIME);
      boolean all = calls.stream().allMatch(call -> log.mentioning(call.tag()).size() >= call.lines());
      if (all || System.nanoTime() - deadline > 0) {
        for (Call call : calls) {
          assertEquals(call.lines(), log.mentioning(call.tag()).size(), () -> call + " in " + log.records());
        }
        return log;
      }
      synchronized (WebFluxRequests.class) {
        WebFluxRequests.class.wait(50);
      }
    }
  }

  /**
   * By marker, the messages of the call's records (first line after the logger), sorted; with {@code agent}, each
   * record of a call with a token is first checked to carry that call's prefix once and no other token, which is
   * then taken out, and each record of a call without one to carry none.
   */
  static Map<String, List<String>> messagesByMarker(RenderedLog log, List<Call> calls, boolean agent) {
    Map<String, List<String>> byMarker = new LinkedHashMap<>();
    for (Call call : calls) {
      List<String> messages = new ArrayList<>();
      for (String record : log.mentioning(call.tag())) {
        String line = RenderedLog.firstLine(record);
        String message = line.substring(line.indexOf(" - ") + 3);
        if (agent && call.token() != null) {
          assertTrue(message.startsWith(call.prefix()), () -> call + " carries its own prefix: " + record);
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

  /** The app's other lines, of no request: none may carry a token. */
  static List<String> linesOfNoRequest(RenderedLog log, List<Call> calls) {
    List<String> others = new ArrayList<>(log.records());
    calls.forEach(call -> others.removeAll(log.mentioning(call.tag())));
    for (String other : others) {
      assertFalse(other.contains("openReplaySession"), () -> "a line of no request carries a token: " + other);
    }
    return others;
  }
}
