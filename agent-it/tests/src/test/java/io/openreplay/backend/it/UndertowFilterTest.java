package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The plain Undertow app with the {@code filter} module's filter and request listener declared in its
 * {@code DeploymentInfo}, and no agent: the request's error, Undertow's own UT005023 line (Undertow calls the
 * listeners' {@code requestDestroyed} after its exception handler has logged it), {@code AsyncContext.start} and an
 * async dispatch carry the MDC keys; a request without the header carries nothing. The app's encoder is the plain
 * LogstashEncoder, so the message has no prefix (that is the logback module's {@code OpenReplayLogstashEncoder}'s job).
 * Without the listener, the filter alone has returned before Undertow logs UT005023: that line has no keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UndertowFilterTest {

  private ForkedApp app;

  @BeforeAll
  void start() throws Exception {
    app = ForkedApp.app("undertow", "io.openreplay.backend.it.undertow.UndertowApp").withoutAgent()
        .property("it.openreplayFilter", "true").start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private List<JsonNode> request(String path, Session session, String logged) throws Exception {
    String query = path + (path.contains("?") ? "&" : "?") + "id=" + session.marker();
    int status = app.get(query, ContainerAgentTest.HEADER, session.token()).statusCode();
    assertEquals(path.equals("/throw") ? 500 : 200, status, path);
    List<JsonNode> events = app.log().await(messageContains(logged + " id=" + session.marker()), 1,
        ContainerAgentTest.WAIT);
    assertEquals(1, events.size(), path);
    return events;
  }

  @Test
  void theAppsErrorAsyncWorkAndAnAsyncDispatchCarryTheKeys() throws Exception {
    Session session = new Session(TestTokens.CONTRACT_TOKEN, TestTokens.CONTRACT_SESSION_ID, "f" + System.nanoTime());
    ContainerAgentTest.assertCarries(request("/s/log", session, "scenario error").get(0), session, false);
    ContainerAgentTest.assertCarries(request("/async", session, "scenario async").get(0), session, false);
    ContainerAgentTest.assertCarries(request("/dispatch", session, "scenario dispatched").get(0), session, false);
  }

  @Test
  void undertowsOwnUt005023LineCarriesTheKeysThroughTheRequestListener() throws Exception {
    Session session = Session.next();
    assertEquals(500, app.get("/throw?id=" + session.marker(), ContainerAgentTest.HEADER, session.token())
        .statusCode());
    List<JsonNode> lines = app.log().await(mentions("scenario uncaught id=" + session.marker()), 1,
        ContainerAgentTest.WAIT);
    assertEquals(1, lines.size());
    JsonNode line = lines.get(0);
    assertEquals("io.undertow.request", text(line, "logger_name"));
    assertEquals("ERROR", text(line, "level"));
    assertTrue(text(line, "message").startsWith("UT005023"), () -> "Undertow's own line: " + line);
    ContainerAgentTest.assertCarries(line, session, false);
  }

  @Test
  void withoutTheRequestListenerUndertowsLineHasNoKeysSinceTheFilterHasReturnedBeforeIt() throws Exception {
    try (ForkedApp filterOnly = ForkedApp.app("undertow", "io.openreplay.backend.it.undertow.UndertowApp")
        .withoutAgent().property("it.openreplayFilter", "true").property("it.openreplayFilter.listener", "false")
        .start()) {
      Session session = Session.next();
      assertEquals(500, filterOnly.get("/throw?id=" + session.marker(), ContainerAgentTest.HEADER, session.token())
          .statusCode());
      List<JsonNode> lines = filterOnly.log().await(mentions("scenario uncaught id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, lines.size());
      assertTrue(text(lines.get(0), "message").startsWith("UT005023"), () -> "Undertow's own line: " + lines);
      ContainerAgentTest.assertCarriesNothing(lines.get(0));
      Session logged = Session.next();
      assertEquals(200, filterOnly.get("/s/log?id=" + logged.marker(), ContainerAgentTest.HEADER, logged.token())
          .statusCode());
      List<JsonNode> error = filterOnly.log().await(messageContains("scenario error id=" + logged.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, error.size());
      ContainerAgentTest.assertCarries(error.get(0), logged, false);
    }
  }

  @Test
  void aRequestWithoutTheHeaderCarriesNothing() throws Exception {
    String marker = "none" + System.nanoTime();
    assertEquals(200, app.get("/s/log?id=" + marker).statusCode());
    assertEquals(500, app.get("/throw?id=" + marker).statusCode());
    assertEquals(200, app.get("/async?id=" + marker).statusCode());
    List<JsonNode> events = app.log().await(mentions("id=" + marker), 4, ContainerAgentTest.WAIT);
    assertTrue(events.size() >= 4, () -> "events: " + events);
    events.forEach(ContainerAgentTest::assertCarriesNothing);
  }
}
