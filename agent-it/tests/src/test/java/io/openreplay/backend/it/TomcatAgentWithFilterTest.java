package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static io.openreplay.backend.it.TomcatAgentLibraryApiTest.assertCarriesOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The Tomcat 11 app with the {@code filter} module's filter and request listener registered as well (by the module's
 * own initializer) and an attach listener that counts what it is told: every check of {@link ContainerAgentTest}
 * passes as without the filter, and nothing is attached or written twice: the agent attaches the request's token,
 * the filter and the listener find it current and attach nothing (the thread's MDC, where the library mirrors a token
 * it attaches, stays empty), the attach listener is told once per request, the prefix and keys are written once.
 * With the agent's request instrumentation switched off (servlet and Tomcat), the filter attaches the token, and the
 * agent's outputs carry it: its logback keys and prefix, its hand-over to an executor, its Sentry tags.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatAgentWithFilterTest extends TomcatAgentTest {

  private static final String REGISTERED = "OpenReplay: filter and request listener registered";

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.property("it.openreplayFilter", "true").property("it.openreplay.filter.level", "DEBUG");
  }

  /** Last, so that the requests of every other test of this class went through the filter too. */
  @Test
  @Order(Integer.MAX_VALUE)
  void theFilterAndTheListenerAttachNothingBesideTheAgent() throws Exception {
    assertEquals(1, app.log().await(messageContains(REGISTERED), 1, WAIT).size(), "the filter module is registered");

    Session session = Session.next();
    assertEquals(200, get("/s/log", session).statusCode());
    assertEquals(500, get("/throw", session).statusCode());
    assertEquals(200, get("/async", session).statusCode());
    assertEquals(200, get("/dispatch", session).statusCode());
    List<JsonNode> error = app.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
    assertEquals(1, error.size());
    assertCarriesOnce(error.get(0), session);
    List<JsonNode> uncaught = app.log().await(mentions("scenario uncaught id=" + session.marker()), 1, WAIT);
    assertFalse(uncaught.isEmpty());
    uncaught.forEach(event -> assertCarries(event, session, "ERROR".equals(text(event, "level"))));

    Session single = Session.next();
    assertEquals(LibraryApi.seeing(single, "none"),
        LibraryApi.findings(app, "id=" + single.marker(), HEADER, single.token()),
        "the agent's token, told once; the filter and the listener attached nothing (nothing in the thread's MDC)");

    // The count works for the app's own explicit attach too: told once.
    assertEquals(1, LibraryApi.probe(app, Session.next().token()));
  }

  @Test
  void withTheAgentsRequestInstrumentationOffTheFiltersTokenReachesTheAgentsOutputs() throws Exception {
    try (ForkedApp plainFilter = ForkedApp.app(appName(), mainClass())
        .property("it.openreplayFilter", "true")
        .property("it.openreplay.filter.level", "DEBUG")
        .property("it.sentry.dsn", sentry.dsn())
        .property("openreplay.instrumentation.servlet.enabled", "false")
        .property("openreplay.instrumentation.tomcat.enabled", "false")
        .start()) {
      Session session = Session.next();
      assertEquals(200, plainFilter.get("/s/log?id=" + session.marker(), HEADER, session.token()).statusCode());
      List<JsonNode> error =
          plainFilter.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
      assertEquals(1, error.size());
      assertCarriesOnce(error.get(0), session);

      Session library = Session.next();
      assertEquals(LibraryApi.seeing(library, library.token()),
          LibraryApi.findings(plainFilter, "id=" + library.marker(), HEADER, library.token()),
          "the filter's token (mirrored into the MDC), told once: the listener attached it, the filter found it");

      // Only the agent hands a token over to an executor's thread: here, the filter's.
      Session handedOver = Session.next();
      assertEquals(200,
          plainFilter.get("/s/executor?id=" + handedOver.marker(), HEADER, handedOver.token()).statusCode());
      List<JsonNode> onPool =
          plainFilter.log().await(messageContains("scenario executor id=" + handedOver.marker()), 1, WAIT);
      assertEquals(1, onPool.size());
      assertCarriesOnce(onPool.get(0), handedOver);

      // Sentry.captureException and captureMessage during the request: the agent's tags, from the filter's token.
      Session captured = Session.next();
      assertEquals(200, plainFilter.get("/s/sentry?id=" + captured.marker(), HEADER, captured.token()).statusCode());
      List<ReceivedSentryEvent> events =
          sentry.awaitEvents(event -> captured.token().equals(event.tag(TOKEN_KEY)), 2, WAIT);
      assertEquals(2, events.size(), () -> "events: " + sentry.events() + " problems: " + sentry.problems());
      events.forEach(event -> assertEquals(captured.sessionId(), event.tag(SESSION_ID_KEY)));
    }
  }
}
