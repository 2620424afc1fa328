package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The Tomcat 11 app with the {@code filter} module's filter and request listener registered as well (by the module's
 * own initializer) and an attach listener that counts every {@code OpenReplayContext} attach: every check of
 * {@link ContainerAgentTest} passes as without the filter, and the filter and listener attach nothing, since the
 * agent publishes {@code openreplay.agent.requests=active}. With the agent's servlet instrumentation switched off,
 * the filter attaches as it does without the agent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatAgentWithFilterTest extends TomcatAgentTest {

  private static final String PASS_THROUGH = "the filter and request listener pass requests through";
  private static final String REGISTERED = "OpenReplay: filter and request listener registered";

  private int probes;

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.property("it.openreplayFilter", "true").property("it.openreplay.filter.level", "DEBUG");
  }

  private static int attaches(ForkedApp app, String query) throws Exception {
    var response = app.get("/it/attaches" + query);
    assertEquals(200, response.statusCode(), response::body);
    return Integer.parseInt(response.body().trim());
  }

  private static String encoded(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** Last, so that the count covers the requests of every other test of this class. */
  @Test
  @Order(Integer.MAX_VALUE)
  void theFilterAndTheListenerAttachNothingWhileTheAgentAttachesRequests() throws Exception {
    assertEquals(1, app.log().await(messageContains(REGISTERED), 1, WAIT).size(), "the filter module is registered");

    Session session = Session.next();
    assertEquals(200, get("/s/log", session).statusCode());
    assertEquals(500, get("/throw", session).statusCode());
    assertEquals(200, get("/async", session).statusCode());
    assertEquals(200, get("/dispatch", session).statusCode());
    List<JsonNode> error = app.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
    assertEquals(1, error.size());
    assertCarries(error.get(0), session, true);
    List<JsonNode> uncaught = app.log().await(mentions("scenario uncaught id=" + session.marker()), 1, WAIT);
    assertFalse(uncaught.isEmpty());
    uncaught.forEach(event -> assertCarries(event, session, "ERROR".equals(text(event, "level"))));

    assertEquals(0, attaches(app, "?token=" + encoded(session.token())), "attaches of the request's token");
    assertEquals(probes, attaches(app, ""), "attaches in this JVM besides the probes");

    // The count works: the app's own explicit attach is counted.
    Session probe = Session.next();
    assertEquals(1, attaches(app, "?probe=" + encoded(probe.token()) + "&token=" + encoded(probe.token())));
    probes++;
    assertEquals(probes, attaches(app, ""));

    List<JsonNode> passThrough = app.log().await(messageContains(PASS_THROUGH), 1, WAIT);
    assertEquals(1, passThrough.size(), "one debug line says the filter passes requests through");
    assertEquals("DEBUG", text(passThrough.get(0), "level"));
  }

  @Test
  void withTheAgentsServletInstrumentationOffTheFilterAttachesAsUsual() throws Exception {
    try (ForkedApp plainFilter = ForkedApp.app(appName(), mainClass())
        .property("it.openreplayFilter", "true")
        .property("it.openreplay.filter.level", "DEBUG")
        .property("openreplay.instrumentation.servlet.enabled", "false")
        .start()) {
      Session session = Session.next();
      assertEquals(200, plainFilter.get("/s/log?id=" + session.marker(), HEADER, session.token()).statusCode());
      List<JsonNode> error =
          plainFilter.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
      assertEquals(1, error.size());
      assertCarries(error.get(0), session, true);
      assertFalse(text(error.get(0), "message").substring(session.prefix().length()).contains(TOKEN_KEY),
          "the prefix is written once");
      assertEquals(1, attaches(plainFilter, "?token=" + encoded(session.token())),
          "the listener attached the token once, the filter found it current");
      assertEquals(0, plainFilter.log().events().stream().filter(messageContains(PASS_THROUGH)).count());
    }
  }
}
