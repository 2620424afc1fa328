package io.openreplay.backend.readme.logback;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.EXCEPTION_MESSAGE;
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
import io.openreplay.backend.testkit.dynatrace.DynatraceLogRecord;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceShownLog;
import io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's Dynatrace section, run: its {@code logback.xml} in a JVM of its own (the section's dependency block as
 * its class path) with the contract's token, sending to the loopback Dynatrace; the record it shows, compared with
 * what arrived; the OneAgent route's appender writing a JSON file that the test kit's OneAgent model ships, with and
 * without the custom attribute declared; and the {@code curl} check run against the receiver. The only changes are of
 * where Dynatrace is: {@code ${DT_LOGS_INGEST_URL}} is the receiver's ingest URL, and the {@code curl} commands'
 * {@code https://sso.dynatrace.com} and {@code https://$DT_ENVIRONMENT_ID.live.dynatrace.com} the receiver's address.
 */
class DynatraceSnippetsTest {

  static final String DYNATRACE = "Dynatrace";
  private static final String ELASTICSEARCH = "Elasticsearch (and OpenSearch)";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Readme readme;
  private static ReadmeBlocks blocks;
  private DynatraceReceiver receiver;

  @BeforeAll
  static void readReadme() {
    readme = Readme.ofProject();
    blocks = ReadmeBlocks.resolved();
  }

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = DynatraceReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    assertEquals(List.of(), receiver.problems());
    receiver.close();
  }

  private static CodeBlock only(String language, String startsWith) {
    List<CodeBlock> found = readme.blocks(language).stream().filter(block -> block.section().equals(DYNATRACE))
        .filter(block -> block.text().stripLeading().startsWith(startsWith)).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one " + language + " block starting " + startsWith + " in " + DYNATRACE);
    return found.get(0);
  }

  private static Set<String> contents(List<DynatraceShownLog> shown) {
    return shown.stream().map(log -> log.content().lines().findFirst().orElse("")).collect(Collectors.toSet());
  }

  @Test
  void theAppendersLogbackXmlAndTheRecordItShows() throws Exception {
    new ProbeRun(ProjectFiles.emptyWorkFolder("dynatrace-appender"),
        LogbackSnippets.configurationOf(readme, DYNATRACE).text(), blocks.classpathOfSection(DYNATRACE))
        .withSystemProperty("DT_LOGS_INGEST_URL", receiver.ingestUrl())
        .withSystemProperty("DT_API_TOKEN", DynatraceReceiver.API_TOKEN)
        .run(CONTRACT_TOKEN).assertRanThrough();
    assertEquals(4, receiver.records().size(), () -> "the probe's four events: " + receiver.records());

    List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(CONTRACT_ID);
    assertEquals(Set.of(ERROR, ERROR_WITH_EXCEPTION), contents(shown),
        "the request's two errors; not its INFO line, not the error outside it");
    assertTrue(shown.stream().allMatch(log -> log.status().equals("error")));

    DynatraceLogRecord withException = receiver.records().stream()
        .filter(record -> record.content().startsWith(ERROR_WITH_EXCEPTION)).findFirst().orElseThrow();
    assertTrue(withException.content().contains("java.lang.IllegalStateException: " + EXCEPTION_MESSAGE),
        withException::content);
    JsonNode example = JSON.readTree(only("json", "{").text());
    Set<String> sent = new HashSet<>(withException.attributes().keySet());
    sent.addAll(Set.of("content", "status", "timestamp"));
    assertEquals(sent, example.propertyNames().stream().collect(Collectors.toSet()),
        "the README's record has the fields the appender sends");
    assertEquals("ERROR", example.path("status").asString());
    assertEquals(CONTRACT_ID, example.path("openReplaySession.id").asString());
    assertEquals(CONTRACT_TOKEN, example.path("openReplaySessionToken").asString());
    assertEquals(CONTRACT_ID, withException.attribute("openReplaySession.id"));
    assertEquals(null, receiver.records().stream().filter(record -> record.content().equals(OUTSIDE)).findFirst()
        .orElseThrow().attribute("openReplaySession.id"));
    assertEquals("INFO", receiver.records().stream().filter(record -> record.content().equals(INFO)).findFirst()
        .orElseThrow().status());

    JsonNode answer = JSON.readTree(curl(only("bash", "TOKEN=").text()));
    assertEquals(2, answer.path("results").size(), answer::toString);
  }

  @Test
  void theOneAgentRouteNeedsTheCustomAttribute() throws Exception {
    String appender = only("xml", "<appender name=\"DYNATRACE_JSON\"").text();
    String xml = "<configuration>\n" + appender
        + "<root level=\"INFO\"><appender-ref ref=\"DYNATRACE_JSON\"/></root>\n</configuration>\n";
    ProbeRun run = new ProbeRun(ProjectFiles.emptyWorkFolder("dynatrace-oneagent"), xml,
        blocks.classpathOfSection(ELASTICSEARCH));
    run.run(CONTRACT_TOKEN).assertRanThrough();
    assertTrue(appender.contains("<file>logs/app.json</file>"), appender);

    OneAgentJsonLogFile undeclared = new OneAgentJsonLogFile(run.folder().resolve("logs/app.json"), Set.of());
    assertEquals(4, undeclared.shipNewLines(receiver));
    assertEquals(List.of(), DynatraceLookup.of(receiver).forSession(CONTRACT_ID),
        "without the custom attribute OpenReplay finds nothing");

    receiver.clear();
    OneAgentJsonLogFile declared = new OneAgentJsonLogFile(run.folder().resolve("logs/app.json"),
        Set.of("openReplaySession.id"));
    assertEquals(4, declared.shipNewLines(receiver));
    List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(CONTRACT_ID);
    String prefix = "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID + "] ";
    assertEquals(Set.of(prefix + ERROR, prefix + ERROR_WITH_EXCEPTION), contents(shown));
  }

  private String curl(String commands) throws Exception {
    return LoopbackCommand.run(commands, Map.of("https://sso.dynatrace.com", receiver.environmentUrl(),
            "https://$DT_ENVIRONMENT_ID.live.dynatrace.com", receiver.environmentUrl()),
        Map.of("DT_CLIENT_ID", DynatraceReceiver.CLIENT_ID, "DT_CLIENT_SECRET", DynatraceReceiver.CLIENT_SECRET,
            "DT_ACCOUNT_URN", DynatraceReceiver.RESOURCE, "DT_ENVIRONMENT_ID", "abc12345"));
  }

}
