package io.openreplay.backend.readme.logback;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.EXCEPTION_MESSAGE;
import static io.openreplay.backend.readme.probe.ProbeApplication.INFO;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import io.openreplay.backend.stackdriver.BoundedRetryLoggingAppender;
import io.openreplay.backend.stackdriver.loopback.LoopbackBoundedRetryLoggingAppender;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchG1Lookup;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogEvent;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.openreplay.backend.testkit.stackdriver.LoopbackLoggingAppender;
import io.openreplay.backend.testkit.stackdriver.StackdriverLookup;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Every {@code logback.xml} of the README, run as written: in a JVM of its own whose class path is the same
 * section's dependency block as Maven resolves it alone, with the snippet as the application's {@code logback.xml}
 * (logback configures itself from it), pointed by the snippet's own {@code ${VARIABLES}} at the testkit's loopback
 * receivers. The {@link io.openreplay.backend.readme.probe.ProbeApplication} logs inside a request of the contract's
 * test token and outside any request; then OpenReplay's own lookups run on what each receiver got, and the token must
 * be exactly where the contract says.
 *
 * <p>One snippet cannot reach its provider offline: Google's {@code LoggingAppender} talks to Google Cloud only, with
 * real credentials. Its snippet runs with one change, said in {@link #stackdriver()}:
 * {@link LoopbackBoundedRetryLoggingAppender} (the snippet's appender, unchanged but for its endpoint) in place of
 * the snippet's class, with every element of the snippet as written.
 */
class LogbackSnippetsTest {

  static final String SENTRY = "Sentry";
  static final String ROLLBAR = "Rollbar";
  static final String STACKDRIVER = "Stackdriver (Google Cloud Logging)";
  static final String ELASTICSEARCH = "Elasticsearch (and OpenSearch)";
  static final String CLOUDWATCH = "CloudWatch Logs";
  static final String CONVERSION_WORD = "The `%openReplay` conversion word";
  static final String FILTER = "The filter: `openreplay-filter`";

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PREFIX =
      "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID + "] ";

  private static Readme readme;
  private static ReadmeBlocks blocks;

  @BeforeAll
  static void readReadme() {
    readme = Readme.ofProject();
    blocks = ReadmeBlocks.resolved();
  }

  private static ProbeRun probe(String name, String logbackXml, String dependencySection) {
    return new ProbeRun(ProjectFiles.emptyWorkFolder("snippets-" + name), logbackXml,
        blocks.classpathOfSection(dependencySection));
  }

  @Test
  void everyLogbackSnippetIsRunHere() {
    assertEquals(Set.of(SENTRY, ROLLBAR, STACKDRIVER, ELASTICSEARCH, CLOUDWATCH, CONVERSION_WORD,
            DatadogSnippetsTest.DATADOG, DynatraceSnippetsTest.DYNATRACE),
        LogbackSnippets.configurations(readme).stream().map(CodeBlock::section).collect(Collectors.toSet()),
        "the sections with a logback.xml, each run by a test of this class (Datadog's by DatadogSnippetsTest,"
            + " Dynatrace's by DynatraceSnippetsTest)");
    assertEquals(8, LogbackSnippets.configurations(readme).size(), "one logback.xml a section");
    assertEquals(3, LogbackSnippets.fragments(readme).size(),
        "the <encoder> and <pattern> fragments, each run by a test of this class: "
            + LogbackSnippets.fragments(readme).stream().map(CodeBlock::where).collect(Collectors.toList()));
  }

  @Test
  void sentry() throws Exception {
    SentryReceiver receiver = SentryReceiver.start();
    try {
      probe("sentry", LogbackSnippets.configurationOf(readme, SENTRY).text(), SENTRY)
          .withSystemProperty("SENTRY_DSN", receiver.dsn()).run(CONTRACT_TOKEN).assertRanThrough();
      List<ReceivedSentryEvent> events = receiver.awaitEvents(event -> true, 3, WAIT);
      assertEquals(3, events.size(), () -> "the three ERROR lines became events: " + receiver.events());
      ReceivedSentryEvent error = sentryEvent(events, ERROR);
      ReceivedSentryEvent withException = sentryEvent(events, ERROR_WITH_EXCEPTION);
      ReceivedSentryEvent outside = sentryEvent(events, OUTSIDE);
      for (ReceivedSentryEvent event : List.of(error, withException)) {
        assertEquals(CONTRACT_TOKEN, event.tag("openReplaySessionToken"), () -> "G1 tag of " + event);
        assertEquals(CONTRACT_ID, event.tag("openReplaySession.id"), () -> "G2 tag of " + event);
      }
      assertEquals(List.of("IllegalStateException"), withException.exceptionTypes());
      assertNull(outside.tag("openReplaySessionToken"));
      assertNull(outside.tag("openReplaySession.id"));
      assertEquals(Set.of(error, withException), Set.copyOf(SentryG1Lookup.linkedTo(events, CONTRACT_TOKEN)));
      assertEquals(Set.of(error, withException), Set.copyOf(SentryG2Lookup.forSession(events, CONTRACT_ID)));
      assertEquals(List.of(), receiver.problems());
    } finally {
      receiver.close();
    }
  }

  private static ReceivedSentryEvent sentryEvent(List<ReceivedSentryEvent> events, String message) {
    List<ReceivedSentryEvent> found = events.stream().filter(event -> message.equals(event.message()))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one event \"" + message + "\" in " + events);
    return found.get(0);
  }

  @Test
  void rollbar() throws Exception {
    RollbarReceiver receiver = RollbarReceiver.start();
    try {
      Instant since = Instant.now().minusSeconds(1);
      probe("rollbar", LogbackSnippets.configurationOf(readme, ROLLBAR).text(), ROLLBAR)
          .withSystemProperty("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN)
          .withSystemProperty("ROLLBAR_ENDPOINT", receiver.endpoint())
          .run(CONTRACT_TOKEN).assertRanThrough();
      List<ReceivedRollbarItem> items = receiver.awaitItems(item -> true, 3, WAIT);
      assertEquals(3, items.size(), () -> "the three ERROR lines became items (INFO is below the filter): " + items);
      ReceivedRollbarItem error = rollbarItem(items, item -> has(item, "/body/message/body", ERROR));
      ReceivedRollbarItem withException =
          rollbarItem(items, item -> has(item, "/body/trace/exception/message", EXCEPTION_MESSAGE));
      ReceivedRollbarItem outside = rollbarItem(items, item -> has(item, "/body/message/body", OUTSIDE));
      assertEquals(Optional.of(CONTRACT_TOKEN), error.string("/body/message/openReplaySessionToken"));
      assertEquals(Optional.of(CONTRACT_TOKEN), error.string("/custom/openReplaySessionToken"));
      assertEquals(Optional.of(CONTRACT_TOKEN), withException.string("/custom/openReplaySessionToken"));
      assertEquals(Optional.of(CONTRACT_ID), withException.string("/custom/openReplaySession.id"));
      assertEquals(Optional.empty(), outside.string("/custom/openReplaySessionToken"));
      assertEquals(Optional.empty(), outside.string("/body/message/openReplaySessionToken"));
      assertEquals(List.of(new RollbarG1Lookup.Row(error, CONTRACT_TOKEN)), RollbarG1Lookup.run(items, since),
          "OpenReplay's RQL job finds the error message item of the session, as the README says");
      assertEquals(List.of(), receiver.problems());
    } finally {
      receiver.close();
    }
  }

  private static boolean has(ReceivedRollbarItem item, String pointer, String value) {
    return item.string(pointer).filter(value::equals).isPresent();
  }

  private static ReceivedRollbarItem rollbarItem(List<ReceivedRollbarItem> items, Predicate<ReceivedRollbarItem> which) {
    List<ReceivedRollbarItem> found = items.stream().filter(which).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one such item in " + items);
    return found.get(0);
  }

  /**
   * Google's appender reaches Google Cloud only; the snippet runs with {@link LoopbackBoundedRetryLoggingAppender}
   * (the snippet's {@link BoundedRetryLoggingAppender}, sending to 127.0.0.1 through the testkit's loopback options,
   * and {@code <port>}) in its place, every element of the snippet as written: so every element is a property of the
   * snippet's appender, the enhancer is the one the snippet names, and the log name and project are the snippet's.
   */
  @Test
  void stackdriver() throws Exception {
    String snippet = LogbackSnippets.configurationOf(readme, STACKDRIVER).text();
    String bounded = "class=\"" + BoundedRetryLoggingAppender.class.getName() + "\">";
    assertTrue(snippet.contains(bounded), snippet);
    String loopback = snippet.replace(bounded, "class=\"" + LoopbackBoundedRetryLoggingAppender.class.getName()
        + "\">\n    <port>${STACKDRIVER_PORT}</port>");
    StackdriverReceiver receiver = StackdriverReceiver.start();
    try {
      Instant since = Instant.now().minusSeconds(1);
      probe("stackdriver", loopback, STACKDRIVER)
          .withClasspathEntry(ProbeRun.codeSource(LoopbackBoundedRetryLoggingAppender.class))
          .withClasspathEntry(ProbeRun.codeSource(LoopbackLoggingAppender.class))
          .withSystemProperty("STACKDRIVER_PORT", Integer.toString(receiver.port()))
          .withEnvironment("NO_GCE_CHECK", "true")
          .run(CONTRACT_TOKEN).assertRanThrough();
      StackdriverLookup lookup = new StackdriverLookup("my-project", "my-app");
      // The appender waited for its entries when the probe stopped logback. Google's library also writes an entry
      // of its own, to the log "diagnostic-log": only the snippet's log counts.
      receiver.awaitEntries(4, WAIT);
      List<LogEntry> entries = receiver.entries().stream()
          .filter(entry -> entry.getLogName().equals(lookup.logName())).collect(Collectors.toList());
      assertEquals(4, entries.size(), () -> "every line became an entry of the log: " + receiver.entries());
      List<StackdriverLookup.Found> found = lookup.find(entries, since);
      assertEquals(2, found.size(), () -> "OpenReplay's filter " + lookup.filter(since) + " finds the request's two"
          + " errors in " + entries);
      for (StackdriverLookup.Found entry : found) {
        assertEquals(CONTRACT_TOKEN, entry.token());
        assertEquals(CONTRACT_ID, entry.entry().getLabelsOrDefault("openReplaySession.id", null));
        assertEquals(LogSeverity.ERROR, entry.entry().getSeverity());
      }
      List<LogEntry> labelled = entries.stream().filter(entry -> entry.containsLabels("openReplaySessionToken"))
          .collect(Collectors.toList());
      assertEquals(3, labelled.size(), () -> "the request's three lines are labelled, the other is not: " + entries);
    } finally {
      receiver.close();
    }
  }

  @Test
  void cloudWatch() throws Exception {
    CloudWatchLogsReceiver receiver = CloudWatchLogsReceiver.start();
    try {
      long start = System.currentTimeMillis() - 1_000;
      Path noProfiles = ProjectFiles.work().resolve("no-aws-profiles");
      probe("cloudwatch", LogbackSnippets.configurationOf(readme, CLOUDWATCH).text(), CLOUDWATCH)
          .withSystemProperty("CLOUDWATCH_ENDPOINT", receiver.endpoint().toString())
          // The AWS default chain's first link: system properties. Nothing else of it may be read.
          .withSystemProperty("aws.accessKeyId", "AKIDLOOPBACK")
          .withSystemProperty("aws.secretAccessKey", "loopback-secret")
          .withEnvironment("AWS_EC2_METADATA_DISABLED", "true")
          .withEnvironment("AWS_CONFIG_FILE", noProfiles.resolve("config").toString())
          .withEnvironment("AWS_SHARED_CREDENTIALS_FILE", noProfiles.resolve("credentials").toString())
          .run(CONTRACT_TOKEN).assertRanThrough();
      String group = "/my-app/backend";
      List<CloudWatchLogEvent> events = receiver.awaitEvents(group, 4, WAIT);
      assertEquals(4, events.size(), () -> "every line reached the log group: " + receiver.events(group));
      List<String> firstLines = events.stream().map(event -> event.message().lines().findFirst().orElse(""))
          .collect(Collectors.toList());
      assertTrue(firstLines.contains("ERROR shop.Checkout - " + PREFIX + ERROR), () -> firstLines.toString());
      assertTrue(firstLines.contains("ERROR shop.Checkout - " + OUTSIDE), () -> firstLines.toString());
      try (CloudWatchLogsClient client = CloudWatchG1Lookup.clientFor(receiver.endpoint())) {
        List<CloudWatchG1Lookup.Found> found = new CloudWatchG1Lookup(client, group).find(start);
        assertEquals(List.of("ERROR shop.Checkout - " + PREFIX + ERROR,
                "ERROR shop.Checkout - " + PREFIX + ERROR_WITH_EXCEPTION),
            found.stream().map(f -> f.event().message().lines().findFirst().orElse("")).collect(Collectors.toList()),
            "OpenReplay's FilterLogEvents and its rules find the request's two errors");
        found.forEach(f -> assertEquals(CONTRACT_TOKEN, f.token()));
        assertTrue(found.get(1).event().message().contains("java.lang.IllegalStateException: " + EXCEPTION_MESSAGE),
            "the stack trace follows the line");
      }
      assertEquals(List.of(), receiver.problems());
    } finally {
      receiver.close();
    }
  }

  @Test
  void elasticsearch() throws Exception {
    ProbeRun run = probe("elasticsearch", LogbackSnippets.configurationOf(readme, ELASTICSEARCH).text(), ELASTICSEARCH);
    run.run(CONTRACT_TOKEN).assertRanThrough();
    ElasticsearchDocuments.of(Files.readString(run.folder().resolve("logs/app.json")))
        .assertWhatOpenReplayReads(CONTRACT_TOKEN, CONTRACT_ID);
  }

  @Test
  void elasticsearchLogstashEncoderSwap() throws Exception {
    CodeBlock encoder = LogbackSnippets.fragmentOf(readme, ELASTICSEARCH, "<encoder", "OpenReplayLogstashEncoder");
    String stdout = probe("logstash-encoder", LogbackSnippets.inConsoleAppender(encoder), ELASTICSEARCH)
        .run(CONTRACT_TOKEN).assertRanThrough().out();
    String json = stdout.lines().filter(line -> line.startsWith("{")).collect(Collectors.joining("\n"));
    ElasticsearchDocuments.of(json).assertWhatOpenReplayReads(CONTRACT_TOKEN, CONTRACT_ID);
  }

  @Test
  void conversionWord() throws Exception {
    String stdout = probe("conversion-word", LogbackSnippets.configurationOf(readme, CONVERSION_WORD).text(),
        CONVERSION_WORD).run(CONTRACT_TOKEN).assertRanThrough().out();
    assertLine(stdout, "ERROR", "- " + PREFIX + ERROR);
    assertLine(stdout, "INFO", "- " + PREFIX + INFO);
    assertLine(stdout, "ERROR", "- " + OUTSIDE);
  }

  @Test
  void patternLayoutEncoder() throws Exception {
    CodeBlock encoder =
        LogbackSnippets.fragmentOf(readme, CONVERSION_WORD, "<encoder", "OpenReplayPatternLayoutEncoder");
    String stdout = probe("pattern-layout-encoder", LogbackSnippets.inConsoleAppender(encoder), CONVERSION_WORD)
        .run(CONTRACT_TOKEN).assertRanThrough().out();
    assertLine(stdout, "ERROR", "shop.Checkout - " + PREFIX + ERROR);
    assertLine(stdout, "ERROR", "shop.Checkout - " + OUTSIDE);
  }

  @Test
  void mdcKeysPattern() throws Exception {
    CodeBlock pattern = LogbackSnippets.fragmentOf(readme, FILTER, "<pattern>", "%X{openReplaySessionToken}");
    String stdout = probe("mdc-pattern", LogbackSnippets.inConsoleAppender(pattern), CONVERSION_WORD)
        .run(CONTRACT_TOKEN).assertRanThrough().out();
    assertLine(stdout, "ERROR", "shop.Checkout [openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id="
        + CONTRACT_ID + "] - " + ERROR);
    assertLine(stdout, "ERROR", "shop.Checkout [openReplaySessionToken=] [openReplaySession.id=] - " + OUTSIDE);
  }

  /** One line of the output holds the level and ends with the text. */
  private static void assertLine(String output, String level, String ending) {
    assertEquals(1, output.lines().filter(line -> line.contains(" " + level + " ") && line.endsWith(ending)).count(),
        () -> "one " + level + " line ending with \"" + ending + "\" in:\n" + output);
  }
}
