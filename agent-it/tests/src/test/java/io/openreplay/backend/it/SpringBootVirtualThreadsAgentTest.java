package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Spring Boot 3.5 app of {@link SpringBootAgentTest} with {@code spring.threads.virtual.enabled=true} on the Java
 * 25 JDK ({@link Jdks#java25()}), with only {@code -javaagent} added: Tomcat serves each request on a virtual thread
 * ({@code tomcat-handler-N}), and the application's error log and Tomcat's own ERROR line carry the request's
 * prefix and MDC keys; a request without a token leaves its line without.
 */
class SpringBootVirtualThreadsAgentTest {

  /** How Spring Boot names the virtual threads it gives Tomcat. */
  private static final String VIRTUAL_REQUEST_THREAD = "tomcat-handler-";

  @Test
  void requestsOnVirtualThreadsCarryTheirToken() throws Exception {
    try (ForkedApp app = SpringBootAgentTest.launch().javaHome(Jdks.java25())
        .argument("--spring.threads.virtual.enabled=true").start()) {
      Session session = Session.next();
      assertEquals(500, app.get("/boom?id=" + session.marker(), ContainerAgentTest.HEADER, session.token()).statusCode());

      List<JsonNode> handler =
          app.log().await(messageContains("spring handler failing id=" + session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, handler.size());
      assertTrue(String.valueOf(text(handler.get(0), "thread_name")).startsWith(VIRTUAL_REQUEST_THREAD),
          () -> "served on one of Spring Boot's virtual threads: " + handler.get(0));
      ContainerAgentTest.assertCarries(handler.get(0), session, true);

      SpringBootAgentTest.assertTomcatsErrorLineCarries(app, session);

      String ok = "ok" + System.nanoTime();
      assertEquals(200, app.get("/ok?id=" + ok).statusCode());
      List<JsonNode> okLine = app.log().await(messageContains("spring ok id=" + ok), 1, ContainerAgentTest.WAIT);
      assertEquals(1, okLine.size());
      assertTrue(String.valueOf(text(okLine.get(0), "thread_name")).startsWith(VIRTUAL_REQUEST_THREAD));
      ContainerAgentTest.assertCarriesNothing(okLine.get(0));
    }
  }
}
