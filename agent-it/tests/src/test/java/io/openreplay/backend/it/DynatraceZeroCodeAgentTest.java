package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceShownLog;
import io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero code, Dynatrace: the Tomcat 11 app with its own ordinary logging (an unchanged {@code LogstashEncoder} JSON
 * output) and only {@code -javaagent} added, no library. The model of OneAgent reads the JSON lines as a log file,
 * with {@code openReplaySession.id} declared as a custom log attribute (as OpenReplay's docs ask), and ships them to a
 * Dynatrace receiver on 127.0.0.1. OpenReplay's own lookup (OAuth token, then the search) finds the request's ERROR
 * and nothing of another session; without the custom attribute it finds nothing.
 */
class DynatraceZeroCodeAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.tomcat.TomcatApp";

  @Test
  void theAgentsDefaultJsonOutputIsFoundInDynatrace(@TempDir Path folder) throws Exception {
    try (DynatraceReceiver receiver = DynatraceReceiver.start();
         ForkedApp app = ForkedApp.app("tomcat", MAIN).start()) {
      Session session = Session.next();
      Session other = Session.next();
      Path json = ContainerAgentTest.errorsOfSessionsAsJsonFile(app, List.of(session, other),
          folder.resolve("app-log.json"));

      new OneAgentJsonLogFile(json, Set.of()).shipNewLines(receiver);
      assertEquals(List.of(), DynatraceLookup.of(receiver).forSession(session.sessionId()),
          "without the custom attribute, OpenReplay finds nothing");

      receiver.clear();
      assertTrue(new OneAgentJsonLogFile(json, Set.of("openReplaySession.id")).shipNewLines(receiver) > 0);
      List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(session.sessionId());
      List<DynatraceShownLog> errors = shown.stream()
          .filter(log -> log.content().contains("scenario error id=" + session.marker())).collect(Collectors.toList());
      assertEquals(1, errors.size(), () -> "the request's ERROR: " + shown);
      assertEquals("error", errors.get(0).status());
      assertEquals(session.sessionId(), errors.get(0).attribute("openReplaySession.id").orElseThrow());
      assertTrue(shown.stream().noneMatch(log -> log.content().contains(other.marker())), shown::toString);
      assertTrue(shown.stream().allMatch(log -> log.status().equals("error") || log.status().equals("warn")),
          shown::toString);
      assertEquals(List.of(), receiver.problems());
    }
  }
}
