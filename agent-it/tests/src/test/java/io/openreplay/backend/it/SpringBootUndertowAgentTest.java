package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Spring Boot 3.5 test app of {@link SpringBootAgentTest} on Undertow ({@code spring-boot-starter-undertow}, Tomcat
 * excluded; Undertow 2.3.20 as Boot manages it) with an endpoint that throws, once with only {@code -javaagent} added and once without:
 * the application's error log, Undertow's own UT005023 line and an error logged from a task on the application's
 * executor carry the prefix and the MDC keys of the contract's token; Spring's error page answers the same; a request
 * without the header leaves nothing.
 */
class SpringBootUndertowAgentTest {

  static final String MAIN = "io.openreplay.backend.it.spring.SpringApp";

  static ForkedApp.Launch launch() {
    return ForkedApp.app("spring-boot-undertow", MAIN)
        .argument("--server.port=0")
        .argument("--server.address=127.0.0.1")
        .argument("--spring.main.banner-mode=off");
  }

  /** The contract's test vector, with a marker of its own. */
  static Session contractSession() {
    return new Session(TestTokens.CONTRACT_TOKEN, TestTokens.CONTRACT_SESSION_ID, "c" + System.nanoTime());
  }

  /** Undertow's own ERROR line for the uncaught exception of the request marked {@code marker}. */
  static Predicate<JsonNode> undertowLine(String marker) {
    return mentions("spring uncaught id=" + marker).and(event -> "ERROR".equals(text(event, "level")))
        .and(event -> "io.undertow.request".equals(text(event, "logger_name")));
  }

  @Test
  void theAppsErrorLogUndertowsUt005023LineAndAPoolTaskCarryTheTokenAndTheErrorPageIsUnchanged() throws Exception {
    HttpResponse<String> plainError;
    try (ForkedApp plain = launch().withoutAgent().start()) {
      plainError = plain.get("/boom?id=plain", ContainerAgentTest.HEADER, TestTokens.CONTRACT_TOKEN);
      List<JsonNode> plainLine = plain.log().await(undertowLine("plain"), 1, ContainerAgentTest.WAIT);
      assertEquals(1, plainLine.size(), "Undertow logs the exception without the agent too");
      assertTrue(text(plainLine.get(0), "message").startsWith("UT005023"), () -> "plain line: " + plainLine);
    }

    try (ForkedApp app = launch().start()) {
      Session session = contractSession();
      HttpResponse<String> error = app.get("/boom?id=" + session.marker(), ContainerAgentTest.HEADER, session.token());
      SpringBootAgentTest.assertSameErrorPage(plainError, error, session.marker());

      List<JsonNode> handler =
          app.log().await(messageContains("spring handler failing id=" + session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, handler.size());
      ContainerAgentTest.assertCarries(handler.get(0), session, true);

      List<JsonNode> undertowLine = app.log().await(undertowLine(session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, undertowLine.size(), "Undertow logged the exception at ERROR");
      assertTrue(text(undertowLine.get(0), "message").startsWith(session.prefix() + "UT005023"),
          () -> "Undertow's own line: " + undertowLine);
      ContainerAgentTest.assertCarries(undertowLine.get(0), session, true);

      Session pooled = contractSession();
      HttpResponse<String> pool = app.get("/pool?id=" + pooled.marker(), ContainerAgentTest.HEADER, pooled.token());
      assertEquals(200, pool.statusCode());
      List<JsonNode> task =
          app.log().await(messageContains("spring pool task id=" + pooled.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, task.size());
      assertEquals(pool.body(), text(task.get(0), "thread_name"), "logged on the pool's thread");
      ContainerAgentTest.assertCarries(task.get(0), pooled, true);

      String none = "none" + System.nanoTime();
      assertEquals(200, app.get("/ok?id=" + none).statusCode());
      assertEquals(500, app.get("/boom?id=" + none).statusCode());
      assertEquals(200, app.get("/pool?id=" + none).statusCode());
      List<JsonNode> untokened = app.log().await(mentions("id=" + none), 4, ContainerAgentTest.WAIT);
      assertEquals(4, untokened.size(), () -> "ok, handler, Undertow's line, pool task: " + untokened);
      untokened.forEach(ContainerAgentTest::assertCarriesNothing);
      assertFalse(app.log().await(undertowLine(none), 1, ContainerAgentTest.WAIT).isEmpty());
    }
  }

}
