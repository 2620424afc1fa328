package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A virtual thread per request: the Tomcat 11 app on the Java 25 JDK ({@link Jdks#java25()}) with its connector's
 * {@code useVirtualThreads}, with only {@code -javaagent} added. Every test of {@link ContainerAgentTest} holds there
 * (the request's own lines, its hand-overs to executors, fork-join pools and new threads, Sentry and Rollbar, nothing
 * left afterwards), the requests are indeed served on Tomcat's virtual threads, and the virtual threads such a
 * request starts carry its token too.
 */
class TomcatVirtualThreadsAgentTest extends TomcatAgentTest {

  /** How Tomcat names the virtual threads of its connector's executor. */
  private static final String VIRTUAL_REQUEST_THREAD = "-virt-";

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.javaHome(Jdks.java25()).property("it.virtualThreads", "true");
  }

  @Test
  void requestsAreServedOnVirtualThreadsAndTheVirtualThreadsTheyStartCarryTheirToken() throws Exception {
    Session session = Session.next();
    assertEquals(200, get("/s/log", session).statusCode());
    List<JsonNode> error = app.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
    assertEquals(1, error.size());
    assertTrue(String.valueOf(text(error.get(0), "thread_name")).contains(VIRTUAL_REQUEST_THREAD),
        () -> "served on one of Tomcat's virtual threads: " + error.get(0));
    assertCarries(error.get(0), session, true);

    VirtualThreadsAgentTest.assertServed(get("/s/virtual-threads", session), session.marker());
    VirtualThreadsAgentTest.assertEveryKindCarries(app, session);
  }
}
