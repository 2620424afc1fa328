package io.openreplay.backend.readme.log4j2;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.INFO;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.logback.ElasticsearchDocuments;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.DynatraceShownLog;
import io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's Log4j 2 section, run: its {@code log4j2.xml} as written, in a JVM of its own whose class path is the
 * section's dependency block (Log4j finds the converter and the resolvers as plugins, SLF4J is bound to Log4j), with
 * the contract's token attached through {@code OpenReplayContext}. The JSON file must hold what OpenReplay's
 * Elasticsearch queries read, and the record the README shows; the test kit's Datadog Agent model ships both files
 * and OpenReplay's Datadog lookups find the request's lines; its OneAgent model ships the JSON file and OpenReplay's
 * Dynatrace lookup finds the request's errors; the section's {@code grep} lists the request's lines and no other.
 */
class Log4j2SnippetsTest {

  static final String LOG4J2 = "Log4j 2";

  private static final String PREFIX =
      "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID + "] ";
  /** Datadog's multi_line rule of the Datadog section: a line starting with a date starts a record. */
  private static final Pattern NEW_LOG = Pattern.compile("\\d{4}\\-(0?[1-9]|1[012])\\-(0?[1-9]|[12][0-9]|3[01])");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Readme readme;
  private static Path folder;

  @BeforeAll
  static void runTheSnippet() {
    readme = Readme.ofProject();
    ProbeRun run = new ProbeRun(ProjectFiles.emptyWorkFolder("log4j2"), "log4j2.xml",
        only("xml", "<Configuration").text(), ReadmeBlocks.resolved().classpathOfSubsection(LOG4J2, "Dependency"),
        Log4j2ProbeApplication.class.getName());
    run.run(CONTRACT_TOKEN).assertRanThrough();
    folder = run.folder();
  }

  private static CodeBlock only(String language, String startsWith) {
    List<CodeBlock> found = readme.blocks(language).stream().filter(block -> block.section().equals(LOG4J2))
        .filter(block -> !block.subsection().startsWith("With "))
        .filter(block -> block.text().stripLeading().startsWith(startsWith)).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one " + language + " block starting " + startsWith + " in " + LOG4J2);
    return found.get(0);
  }

  private static String file(String name) throws Exception {
    return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void thePlainFileHasThePrefixBeforeTheMessagesOfTheRequest() throws Exception {
    List<String> records = file("logs/app.log").lines().filter(line -> NEW_LOG.matcher(line).lookingAt())
        .collect(Collectors.toList());
    assertEquals(4, records.size(), records::toString);
    assertTrue(records.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO  Checkout:\\d+ - "
        + Pattern.quote(PREFIX + INFO)), records.get(0));
    assertTrue(records.get(1).endsWith(" ERROR Checkout:" + records.get(1).replaceAll(".*Checkout:(\\d+).*", "$1")
        + " - " + PREFIX + ERROR), records.get(1));
    assertTrue(records.get(2).endsWith(" - " + PREFIX + ERROR_WITH_EXCEPTION), records.get(2));
    assertTrue(records.get(3).endsWith(" - " + OUTSIDE) && !records.get(3).contains("openReplay"), records.get(3));
  }

  @Test
  void theJsonFileHasWhatOpenReplaysElasticsearchQueriesReadAndTheRecordTheReadmeShows() throws Exception {
    String json = file("logs/app.json");
    ElasticsearchDocuments.of(json).assertWhatOpenReplayReads(CONTRACT_TOKEN, CONTRACT_ID);
    JsonNode shown = JSON.readTree(only("json", "{").text());
    JsonNode written = json.lines().map(JSON::readTree)
        .filter(document -> document.path("message").asString().equals(PREFIX + ERROR_WITH_EXCEPTION))
        .findFirst().orElseThrow();
    assertEquals(fieldNames(shown), fieldNames(written), "the README's record has the written record's fields");
    for (String field : List.of("level", "tags", "openReplaySessionToken", "openReplaySession.id", "logger_name")) {
      assertEquals(shown.path(field), written.path(field), field);
    }
    assertTrue(shown.path("message").asString().startsWith(PREFIX), shown::toString);
    assertEquals(shown.path("@timestamp").asString().length(), written.path("@timestamp").asString().length());
    assertEquals(shown.path("utc_time").asString().length(), written.path("utc_time").asString().length());
    assertTrue(written.path("stack_trace").asString().startsWith("java.lang.IllegalStateException: card declined"));
  }

  private static List<String> fieldNames(JsonNode document) {
    List<String> names = new ArrayList<>();
    document.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void datadogsAgentShipsBothFilesAndOpenReplaysLookupsFindTheRequestsLines() throws Exception {
    long from = System.currentTimeMillis() - 60_000;
    try (DatadogReceiver receiver = DatadogReceiver.start()) {
      assertEquals(4, DatadogAgentTail.of(folder.resolve("logs/app.json"), receiver, "my-app", "java").shipNewLines());
      assertEquals(4, DatadogAgentTail.of(folder.resolve("logs/app.log"), receiver, "my-app", "java")
          .withMultiLine(NEW_LOG).shipNewLines());
      List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(CONTRACT_ID);
      assertEquals(6, shown.size(), () -> "the request's three lines from each file: " + shown);
      for (String message : List.of(INFO, ERROR, ERROR_WITH_EXCEPTION)) {
        assertEquals(2, shown.stream().filter(s -> s.content().lines().findFirst().orElse("").endsWith(PREFIX + message))
            .count(), () -> message + " in " + shown);
      }
      List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000);
      assertEquals(4, found.size(), () -> "the request's two errors from each file: " + found);
      assertTrue(found.stream().allMatch(f -> f.token().equals(CONTRACT_TOKEN)), found::toString);
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void oneAgentShipsTheJsonFileAndOpenReplaysDynatraceLookupFindsTheRequestsErrors() throws Exception {
    try (DynatraceReceiver receiver = DynatraceReceiver.start()) {
      assertEquals(4, new OneAgentJsonLogFile(folder.resolve("logs/app.json"), Set.of("openReplaySession.id"))
          .shipNewLines(receiver));
      List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(CONTRACT_ID);
      assertEquals(Set.of(PREFIX + ERROR, PREFIX + ERROR_WITH_EXCEPTION),
          shown.stream().map(DynatraceShownLog::content).collect(Collectors.toSet()));
      assertEquals(2, shown.size(), shown::toString);
      assertEquals(List.of(), receiver.problems());
    }
  }

  @Test
  void theCheckListsTheRequestsLinesFromBothFiles() throws Exception {
    String command = only("bash", "grep").text().strip();
    Process process = new ProcessBuilder("bash", "-c", command).directory(folder.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    List<String> lines = out.lines().collect(Collectors.toList());
    assertEquals(6, lines.size(), out);
    assertEquals(3, lines.stream().filter(line -> line.startsWith("logs/app.log:")).count(), out);
    assertEquals(3, lines.stream().filter(line -> line.startsWith("logs/app.json:")).count(), out);
    assertTrue(lines.stream().noneMatch(line -> line.contains(OUTSIDE)), out);
  }
}
