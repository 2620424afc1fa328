package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A plain Undertow 2.3 servlet deployment ({@code DeploymentInfo}, jakarta.servlet) with only {@code -javaagent}
 * added: every check of {@link ContainerAgentTest}, Undertow's own UT005023 line for an uncaught exception included,
 * and a task handed to Undertow's own worker pool (XNIO's jboss-threads {@code EnhancedQueueExecutor}); with the
 * contract's token, the answers and Undertow's line are those of a run without the agent, but for the prefix.
 */
class UndertowAgentTest extends ContainerAgentTest {

  @Override
  String appName() {
    return "undertow";
  }

  @Override
  String mainClass() {
    return "io.openreplay.backend.it.undertow.UndertowApp";
  }

  @Override
  boolean containerLogsUncaughtAtError() {
    return true;
  }

  @Test
  void undertowsOwnErrorLineIsUt005023AndCarriesTheContractToken() throws Exception {
    Session session = contractSession();
    assertEquals(500, get("/throw", session).statusCode());
    List<JsonNode> lines = app.log().await(messageContains("UT005023")
        .and(event -> String.valueOf(text(event, "stack_trace")).contains("scenario uncaught id=" + session.marker())),
        1, WAIT);
    assertEquals(1, lines.size(), "Undertow's own line");
    JsonNode line = lines.get(0);
    assertEquals("ERROR", text(line, "level"));
    assertEquals("io.undertow.request", text(line, "logger_name"));
    assertCarries(line, session, true);

    // The same line on the console, through the app's pattern layout (%msg).
    String console = " ERROR [" + text(line, "thread_name") + "] io.undertow.request - " + session.prefix()
        + "UT005023: Exception handling request to /throw";
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!app.output().contains(console) && System.nanoTime() - deadline < 0) {
      synchronized (this) {
        wait(50);
      }
    }
    assertTrue(app.output().contains(console), () -> "console line " + console);
  }

  @Test
  void aTaskHandedToUndertowsWorkerPoolCarriesTheTokenAndLeavesNothingBehind() throws Exception {
    for (int i = 0; i < 3; i++) {
      Session session = i == 0 ? contractSession() : Session.next();
      HttpResponse<String> response = get("/worker", session);
      assertEquals(200, response.statusCode());
      List<JsonNode> events =
          app.log().await(messageContains("scenario undertow-worker id=" + session.marker()), 1, WAIT);
      assertEquals(1, events.size());
      assertCarries(events.get(0), session, true);
      assertEquals("ERROR", text(events.get(0), "level"));
      String thread = text(events.get(0), "thread_name");
      assertTrue(response.body().endsWith(" on " + thread), () -> response.body() + " / " + thread);
    }
    // The same pool's threads, for requests without the header: nothing left over from the tokened tasks.
    for (int i = 0; i < 16; i++) {
      String marker = "plainworker" + i + "x" + System.nanoTime();
      assertEquals(200, getWithoutHeader("/worker", marker).statusCode());
      List<JsonNode> events = app.log().await(messageContains("scenario undertow-worker id=" + marker), 1, WAIT);
      assertEquals(1, events.size());
      assertCarriesNothing(events.get(0));
    }
  }

  @Test
  void withATokenUndertowAnswersAndLogsAsWithoutTheAgentButForTheToken() throws Exception {
    Session session = contractSession();
    List<String> paths = List.of("/throw", "/s/log", "/async", "/worker", "/nowhere");
    List<String> plainAnswers = new ArrayList<>();
    String plainLine;
    try (ForkedApp plain = ForkedApp.app(appName(), mainClass()).withoutAgent().start()) {
      for (String path : paths) {
        plainAnswers.add(answer(plain.get(path + "?id=" + session.marker(), HEADER, session.token()), plain));
      }
      plainLine = ut005023(plain, session);
    }
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      assertEquals(plainAnswers.get(i), answer(get(path, session), app), path);
    }
    assertEquals(session.prefix() + plainLine, ut005023(app, session));
  }

  /**
   * Status, headers but the date, and body, with the app's port and worker thread names made neutral, and the line of
   * the pool's frame in the debug page's stack trace (a fresh worker runs its first task from another line).
   */
  private static String answer(HttpResponse<String> response, ForkedApp from) {
    Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
    headers.remove("date");
    return response.statusCode() + " " + headers + " "
        + response.body().replace(Integer.toString(from.port()), "PORT").replaceAll("XNIO-1 task-\\d+", "WORKER")
        .replaceAll("EnhancedQueueExecutor\\.java:\\d+", "EnhancedQueueExecutor.java");
  }

  private static String ut005023(ForkedApp from, Session session) throws Exception {
    List<JsonNode> lines = from.log().await(messageContains("UT005023")
        .and(event -> String.valueOf(text(event, "stack_trace")).contains("scenario uncaught id=" + session.marker())),
        1, WAIT);
    assertEquals(1, lines.size());
    return text(lines.get(0), "message");
  }

  /** The contract's test vector, with a marker of its own. */
  private static Session contractSession() {
    return new Session(TestTokens.CONTRACT_TOKEN, TestTokens.CONTRACT_SESSION_ID, "c" + System.nanoTime());
  }
}
