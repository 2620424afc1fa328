package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A plain Undertow 2.3 servlet deployment ({@code DeploymentInfo}, jakarta.servlet) with only {@code -javaagent}
 * added: every check of {@link ContainerAgentTest}, Undertow's own UT005023 line for an uncaught exception included,
 * and a task handed to Undertow's own worker pool (XNIO's jboss-threads {@code EnhancedQueueExecutor}).
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

  /** The contract's test vector, with a marker of its own. */
  private static Session contractSession() {
    return new Session(TestTokens.CONTRACT_TOKEN, TestTokens.CONTRACT_SESSION_ID, "c" + System.nanoTime());
  }
}
