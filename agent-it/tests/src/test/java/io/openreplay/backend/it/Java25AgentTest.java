package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Jetty 12 app on the Java 25 JDK ({@link Jdks#java25()}: the property {@code openreplay.jdk25}), with only
 * {@code -javaagent} added: it starts, serves, and its logged errors carry the token, on the request thread and on
 * the threads work is handed to (fork-join tasks and parallel streams included); afterwards no pool thread carries a
 * token.
 */
class Java25AgentTest {

  @Test
  void theAgentWorksOnJava25() throws Exception {
    Path jdk25 = Jdks.java25();
    try (ForkedApp app = ForkedApp.app("jetty12", "io.openreplay.backend.it.jetty12.JettyApp")
        .javaHome(jdk25).start()) {
      Session session = Session.next();
      assertEquals(200, app.get("/s/log?id=" + session.marker(), ContainerAgentTest.HEADER, session.token()).statusCode());
      assertEquals(200,
          app.get("/s/handover?id=" + session.marker(), ContainerAgentTest.HEADER, session.token()).statusCode());
      for (String message : List.of("scenario error", "scenario executor", "scenario completable", "scenario forkjoin",
          "scenario forkjoin-invokeall", "scenario forkjoin-invokeany", "scenario thread", "scenario scheduled")) {
        List<JsonNode> events =
            app.log().await(messageContains(message + " id=" + session.marker()), 1, ContainerAgentTest.WAIT);
        assertEquals(1, events.size(), message);
        ContainerAgentTest.assertCarries(events.get(0), session, true);
      }
      assertEquals(200,
          app.get("/s/forkjoin-tasks?id=" + session.marker(), ContainerAgentTest.HEADER, session.token()).statusCode());
      ContainerAgentTest.assertForkJoinTasksCarry(app, session);
      String residue = "residue" + System.nanoTime();
      assertEquals(200, app.get("/s/residue?id=" + residue).statusCode());
      List<JsonNode> after = app.log().await(messageContains("id=" + residue), ContainerAgentTest.RESIDUE_EVENTS,
          ContainerAgentTest.WAIT);
      assertEquals(ContainerAgentTest.RESIDUE_EVENTS, after.size());
      after.forEach(ContainerAgentTest::assertCarriesNothing);
      String output = app.output();
      assertFalse(output.contains("sun.misc.Unsafe") || output.contains("VM warning"),
          () -> "the JVM warned about the agent: " + output);
    }
  }
}
