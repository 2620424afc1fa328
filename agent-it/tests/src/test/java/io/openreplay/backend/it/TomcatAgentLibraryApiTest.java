package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static io.openreplay.backend.it.ContainerAgentTest.HEADER;
import static io.openreplay.backend.it.ContainerAgentTest.SESSION_ID_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.TOKEN_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.WAIT;
import static io.openreplay.backend.it.ContainerAgentTest.assertCarries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The Tomcat 11 app with the agent and the OpenReplay library but no filter: the app's own code calls
 * {@code OpenReplayContext.current()}, {@code wrap(Callable)} and {@code wrap(Executor)} during requests the agent
 * attached, and has a counting attach listener. The library's API sees the agent's token, the listener is told once
 * per request (from the first use of the library on), and a token the app attaches with
 * {@code OpenReplayContext.attach} reaches the agent's outputs: its logback keys and prefix, its hand-over to an
 * executor, its Sentry tags.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatAgentLibraryApiTest {

  private static final String MAIN = "io.openreplay.backend.it.tomcat.TomcatApp";

  @AutoClose
  private SentryReceiver sentry;
  @AutoClose
  private ForkedApp app;

  @BeforeAll
  void startApp() throws Exception {
    sentry = SentryReceiver.start();
    app = ForkedApp.app("tomcat", MAIN).property("it.openreplayFilter", "true")
        .property("it.openreplayFilter.registered", "false").property("it.sentry.dsn", sentry.dsn()).start();
  }

  /** The error line carries the session's keys and its prefix once. */
  static void assertCarriesOnce(JsonNode event, Session session) {
    assertCarries(event, session, true);
    assertFalse(text(event, "message").substring(session.prefix().length()).contains(TOKEN_KEY),
        () -> "the prefix is written once: " + event);
  }

  /** The events logged with {@code "library KIND id=MARKER"}, one of each kind, each carrying the session once. */
  private void assertLoggedWith(Session session, String... kinds) throws Exception {
    for (String kind : kinds) {
      List<JsonNode> events = app.log().await(messageContains("library " + kind + " id=" + session.marker()), 1, WAIT);
      assertEquals(1, events.size(), kind);
      assertCarriesOnce(events.get(0), session);
    }
  }

  @Test
  void theAppsOwnCallsSeeTheTokenTheAgentAttachedAndTheListenerIsToldOncePerRequest() throws Exception {
    Session first = Session.next();
    assertEquals(LibraryApi.seeing(first, "none"),
        LibraryApi.findings(app, "id=" + first.marker(), HEADER, first.token()),
        "wrap(...) carries the agent's token; the listener is told of it once, also where the request is the first"
            + " use of the library in the JVM; the agent does not write the thread's MDC");
    assertLoggedWith(first, "wrapped", "wrapped-pool");

    Session second = Session.next();
    assertEquals(LibraryApi.seeing(second, "none"),
        LibraryApi.findings(app, "id=" + second.marker(), HEADER, second.token()));
    assertLoggedWith(second, "wrapped", "wrapped-pool");

    String marker = "none" + System.nanoTime();
    assertEquals(Map.of("current", "none", "mdc", "none", "attaches", "0", "wrapped", "none", "executor", "none"),
        LibraryApi.findings(app, "id=" + marker));
    List<JsonNode> events = app.log().await(messageContains("id=" + marker), 2, WAIT);
    assertEquals(2, events.size());
    events.forEach(ContainerAgentTest::assertCarriesNothing);
  }

  @Test
  void aTokenTheAppAttachesItselfReachesTheAgentsOutputs() throws Exception {
    Session session = Session.next();
    assertEquals(Map.of("current", LibraryApi.seen(session), "mdc", session.token(), "attaches", "1", "after", "none"),
        LibraryApi.findings(app, "id=" + session.marker() + "&attach=" + LibraryApi.encoded(session.token())),
        "current while attached, mirrored into the MDC, the listener told once, nothing left after");
    assertLoggedWith(session, "attached", "attached-pool");
    List<ReceivedSentryEvent> captured = sentry.awaitEvents(event -> event.message() != null
        && event.message().contains("library attached sentry id=" + session.marker()), 1, WAIT);
    assertEquals(1, captured.size(), () -> "events: " + sentry.events() + " problems: " + sentry.problems());
    assertEquals(session.token(), captured.get(0).tag(TOKEN_KEY));
    assertEquals(session.sessionId(), captured.get(0).tag(SESSION_ID_KEY));
  }
}
