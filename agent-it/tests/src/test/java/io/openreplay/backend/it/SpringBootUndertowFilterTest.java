package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Spring Boot 3.5 app on Undertow with the {@code filter} module's filter and request listener registered by
 * the README's two beans, and no agent: the controller's error log and Undertow's own UT005023 line carry the MDC
 * keys of the contract's token (the listener's {@code requestDestroyed} comes after Undertow's exception handler);
 * a request without the header carries nothing.
 */
class SpringBootUndertowFilterTest {

  @Test
  void theControllersErrorAndUndertowsUt005023LineCarryTheKeys() throws Exception {
    try (ForkedApp app = SpringBootUndertowAgentTest.launch().withoutAgent()
        .property("it.openreplayFilter", "true").start()) {
      Session session = SpringBootUndertowAgentTest.contractSession();
      assertEquals(500, app.get("/boom?id=" + session.marker(), ContainerAgentTest.HEADER, session.token())
          .statusCode());
      List<JsonNode> handler =
          app.log().await(messageContains("spring handler failing id=" + session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, handler.size());
      ContainerAgentTest.assertCarries(handler.get(0), session, false);
      List<JsonNode> undertowLine = app.log().await(SpringBootUndertowAgentTest.undertowLine(session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, undertowLine.size());
      assertTrue(text(undertowLine.get(0), "message").startsWith("UT005023"), () -> "line: " + undertowLine);
      ContainerAgentTest.assertCarries(undertowLine.get(0), session, false);

      String none = "none" + System.nanoTime();
      assertEquals(500, app.get("/boom?id=" + none).statusCode());
      List<JsonNode> untokened = app.log().await(mentions("id=" + none), 2, ContainerAgentTest.WAIT);
      assertEquals(2, untokened.size(), () -> "handler, Undertow's line: " + untokened);
      untokened.forEach(ContainerAgentTest::assertCarriesNothing);
    }
  }
}
