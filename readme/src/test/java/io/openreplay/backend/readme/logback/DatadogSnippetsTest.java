package io.openreplay.backend.readme.logback;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.INFO;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.LoopbackCommand;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogLog;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's Datadog section, run: its {@code logback.xml} in a JVM of its own (the section's dependency block as
 * its class path) with the contract's token, its Agent {@code conf.yaml} driving the test kit's model of the Agent on
 * the two files the snippet wrote, its TCP appender sending to the receiver's TCP intake, and its {@code curl} check
 * run against the receiver. OpenReplay's two lookups must find the request's errors, and nothing of the line logged
 * outside the request.
 *
 * <p>Two changes, both of where and how to reach Datadog, none of what is written: the TCP appender's
 * {@code ${DD_LOGS_DESTINATION}} names the receiver and its {@code <ssl/>} is left out (the receiver's TCP intake is
 * plain TCP); the {@code curl} command's {@code https://api.${DD_SITE:-datadoghq.com}} is the receiver's address.
 */
class DatadogSnippetsTest {

  static final String DATADOG = "Datadog";

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PREFIX =
      "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID + "] ";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Readme readme;
  private static ReadmeBlocks blocks;
  private DatadogReceiver receiver;

  @BeforeAll
  static void readReadme() {
    readme = Readme.ofProject();
    blocks = ReadmeBlocks.resolved();
  }

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = DatadogReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private static CodeBlock only(String language, String startsWith) {
    List<CodeBlock> found = readme.blocks(language).stream().filter(block -> block.section().equals(DATADOG))
        .filter(block -> block.text().stripLeading().startsWith(startsWith)).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one " + language + " block starting " + startsWith + " in " + DATADOG);
    return found.get(0);
  }

  @Test
  void theAgentRouteAndTheCheckCommand() throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    ProbeRun run = new ProbeRun(ProjectFiles.emptyWorkFolder("datadog-agent"),
        LogbackSnippets.configurationOf(readme, DATADOG).text(), blocks.classpathOfSection(DATADOG));
    run.run(CONTRACT_TOKEN).assertRanThrough();

    List<Map<String, String>> entries = agentLogEntries(only("yaml", "logs:").text());
    assertEquals(2, entries.size(), entries::toString);
    for (Map<String, String> entry : entries) {
      String path = entry.get("path");
      assertTrue(path.startsWith("/opt/my-app/logs/"), path);
      DatadogAgentTail tail = DatadogAgentTail.of(run.folder().resolve(path.substring("/opt/my-app/".length())),
          receiver, entry.get("service"), entry.get("source"));
      if (entry.containsKey("pattern")) {
        tail = tail.withMultiLine(Pattern.compile(entry.get("pattern")));
      }
      assertEquals(4, tail.shipNewLines(), () -> "the probe's four events, one log each, from " + path);
    }
    List<DatadogLog> logs = receiver.logs();
    assertEquals(8, logs.size(), logs::toString);
    assertTrue(logs.stream().allMatch(log -> "java".equals(log.source()) && "my-app".equals(log.service())));

    List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(CONTRACT_ID);
    assertEquals(6, shown.size(), () -> "the request's three events from each file: " + shown);
    for (String message : List.of(INFO, ERROR, ERROR_WITH_EXCEPTION)) {
      assertEquals(2, shown.stream().filter(s -> s.content().lines().findFirst().orElse("").endsWith(PREFIX + message))
          .count(), () -> message + " in " + shown);
    }
    assertTrue(shown.stream().noneMatch(s -> s.content().contains(OUTSIDE)));
    assertEquals(4, shown.stream().filter(s -> s.status().equals("ERROR")).count(), shown::toString);
    assertTrue(shown.stream().anyMatch(s -> s.content().contains("IllegalStateException")),
        "the plain file's stack trace stays with its line");

    assertG1FindsTheErrorsOfTheRequest(from, 4);

    JsonNode answer = JSON.readTree(curl(only("bash", "curl").text()));
    assertEquals(6, answer.path("data").size(), answer::toString);
    assertEquals(List.of(), receiver.problems());
  }

  @Test
  void theTcpAppender() throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    String appender = only("xml", "<appender name=\"DATADOG_TCP\"").text();
    assertTrue(appender.contains("  <ssl/>\n"), appender);
    String xml = "<configuration>\n" + appender.replace("  <ssl/>\n", "")
        + "<root level=\"INFO\"><appender-ref ref=\"DATADOG_TCP\"/></root>\n</configuration>\n";
    new ProbeRun(ProjectFiles.emptyWorkFolder("datadog-tcp"), xml, blocks.classpathOfSection(DATADOG))
        .withSystemProperty("DD_LOGS_DESTINATION", "127.0.0.1:" + receiver.tcpPort())
        .withSystemProperty("DD_API_KEY", DatadogReceiver.API_KEY)
        .run(CONTRACT_TOKEN).assertRanThrough();
    List<DatadogLog> logs = receiver.awaitLogs(log -> true, 4, WAIT);
    assertEquals(4, logs.size(), () -> "the probe's four events: " + logs + " " + receiver.problems());
    List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(CONTRACT_ID);
    assertEquals(List.of(PREFIX + INFO, PREFIX + ERROR, PREFIX + ERROR_WITH_EXCEPTION),
        shown.stream().map(DatadogG2Lookup.Shown::content).collect(Collectors.toList()));
    assertG1FindsTheErrorsOfTheRequest(from, 2);
    assertEquals(List.of(), receiver.problems());
  }

  private void assertG1FindsTheErrorsOfTheRequest(long from, int count) throws InterruptedException {
    List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000);
    assertEquals(count, found.size(), () -> "the request's errors: " + found);
    for (DatadogG1Lookup.Found f : found) {
      assertEquals(CONTRACT_TOKEN, f.token());
      String message = f.payload().path("content").path("message").asString();
      assertTrue(message.contains(PREFIX + ERROR), message);
    }
  }

  /** The {@code logs:} entries of an Agent {@code conf.yaml}: each one's scalar keys, the rule's included. */
  private static List<Map<String, String>> agentLogEntries(String yaml) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      String trimmed = line.strip();
      if (line.startsWith("  - ")) {
        entries.add(new LinkedHashMap<>());
        trimmed = line.substring(4).strip();
      } else if (trimmed.startsWith("- ")) {
        trimmed = trimmed.substring(2);
      }
      int colon = trimmed.indexOf(": ");
      if (colon > 0 && !entries.isEmpty()) {
        entries.get(entries.size() - 1).put(trimmed.substring(0, colon), trimmed.substring(colon + 2));
      }
    }
    return entries;
  }

  private String curl(String command) throws Exception {
    return LoopbackCommand.run(command, Map.of("https://api.${DD_SITE:-datadoghq.com}", receiver.baseUrl()),
        Map.of("DD_API_KEY", DatadogReceiver.API_KEY, "DD_APP_KEY", DatadogReceiver.APPLICATION_KEY));
  }

}
