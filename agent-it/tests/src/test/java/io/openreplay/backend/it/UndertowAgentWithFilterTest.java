package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static io.openreplay.backend.it.TomcatAgentLibraryApiTest.assertCarriesOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The plain Undertow app with the agent and the {@code filter} module's filter and request listener: the prefix and
 * keys are written once, on the app's error, Undertow's UT005023 line, async work and an async dispatch. With the
 * agent's request instrumentations off (undertow and servlet), the listener's and the filter's token reaches the
 * agent's outputs: the prefix of the app's error and of UT005023.
 */
class UndertowAgentWithFilterTest {

  private static ForkedApp.Launch launch() {
    return ForkedApp.app("undertow", "io.openreplay.backend.it.undertow.UndertowApp")
        .property("it.openreplayFilter", "true");
  }

  private static void assertCarriedOnce(ForkedApp app, boolean dispatches) throws Exception {
    Session session = Session.next();
    for (String path : dispatches ? List.of("/s/log", "/throw", "/async", "/dispatch") : List.of("/s/log", "/throw")) {
      app.get(path + "?id=" + session.marker(), ContainerAgentTest.HEADER, session.token());
    }
    List<String> logged = dispatches ? List.of("scenario error", "scenario async", "scenario dispatched")
        : List.of("scenario error");
    for (String kind : logged) {
      List<JsonNode> events =
          app.log().await(messageContains(kind + " id=" + session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, events.size(), kind);
      assertCarriesOnce(events.get(0), session);
    }
    List<JsonNode> line =
        app.log().await(mentions("scenario uncaught id=" + session.marker()), 1, ContainerAgentTest.WAIT);
    assertEquals(1, line.size());
    assertTrue(text(line.get(0), "message").startsWith(session.prefix() + "UT005023"), () -> "line: " + line);
    assertCarriesOnce(line.get(0), session);
  }

  @Test
  void theAgentAndTheFilterWriteTheTokenOnce() throws Exception {
    try (ForkedApp app = launch().start()) {
      assertCarriedOnce(app, true);
    }
  }

  @Test
  void withTheAgentsRequestInstrumentationOffTheListenersTokenReachesTheAgentsOutputs() throws Exception {
    try (ForkedApp app = launch().property("openreplay.instrumentation.undertow.enabled", "false")
        .property("openreplay.instrumentation.servlet.enabled", "false").start()) {
      assertCarriedOnce(app, false);
    }
  }
}
