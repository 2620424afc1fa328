package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogLog;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero code, Datadog: the Tomcat 11 app with its own ordinary logging (an unchanged {@code LogstashEncoder} JSON file
 * and a console pattern {@code %d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n}) and only {@code -javaagent}
 * added. The model of the Datadog Agent tails both (the JSON file, and the console as a container's log file), with
 * {@code source: java}, into a Datadog receiver on 127.0.0.1. OpenReplay's G2 lookup finds the request's ERROR in
 * both; G1's {@code status:error} finds the JSON one, whose {@code level} is its status, and not the console line,
 * which does not start with a date, so Datadog's Java pipeline gives it no level and its status stays {@code info}.
 * Another session's request is found by neither lookup under this session's id.
 */
class DatadogZeroCodeAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.tomcat.TomcatApp";

  @Test
  void theAgentsDefaultOutputIsFoundInDatadog(@TempDir Path folder) throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    try (DatadogReceiver receiver = DatadogReceiver.start();
         ForkedApp app = ForkedApp.app("tomcat", MAIN).start()) {
      Session session = Session.nextReadWholeByG1();
      Session other = Session.nextReadWholeByG1();
      Path json = ContainerAgentTest.errorsOfSessionsAsJsonFile(app, List.of(session, other),
          folder.resolve("app-log.json"));
      DatadogAgentTail.of(json, receiver, "shop", "java").shipNewLines();
      // The console, as the Agent reads a container's output: a file it tails.
      Path console = folder.resolve("console.log");
      Files.writeString(console, app.output());
      DatadogAgentTail.of(console, receiver, "shop", "java").shipNewLines();

      List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(session.sessionId());
      List<String> errors = shown.stream().filter(s -> s.content().contains("scenario error id=" + session.marker()))
          .map(DatadogG2Lookup.Shown::content).collect(Collectors.toList());
      assertEquals(2, errors.size(), () -> "the ERROR from the JSON file and from the console: " + shown);
      assertTrue(errors.stream().allMatch(message -> message.contains(session.prefix())), errors::toString);
      assertTrue(shown.stream().noneMatch(s -> s.content().contains(other.marker())), shown::toString);

      List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000)
          .stream().filter(f -> f.token().equals(session.token())).collect(Collectors.toList());
      assertEquals(1, found.size(), () -> "the JSON file's ERROR (status error from its level): " + found);
      assertEquals("error", receiver.logs().stream().filter(log -> log.message().startsWith(session.prefix()))
          .map(DatadogLog::status).filter("error"::equals).findFirst().orElse("none"));
      assertTrue(receiver.logs().stream().anyMatch(log -> log.message().contains(session.prefix())
          && log.status().equals("info") && log.message().contains(" ERROR ")),
          "the console line says ERROR, but its status stays info");
      assertEquals(List.of(), receiver.problems());
    }
  }
}
