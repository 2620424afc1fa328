package io.openreplay.backend.readme.log4j2;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Log4j 2 "With Sentry" subsection, run: its {@code log4j2.xml} as written (sentry-log4j2's appender with
 * {@code contextTags}), in a JVM of its own whose class path is the subsection's dependency block, the DSN of a
 * loopback Sentry in the environment variable the snippet reads. OpenReplay's G1 and G2 lookups must find the
 * request's two error events, their message templates as logged, and no tag on the error logged outside the request.
 */
class Log4j2SentrySnippetTest {

  private static final String WITH_SENTRY = "With Sentry";

  @Test
  void theRequestsErrorEventsCarryBothTagsAndTheirTemplates() throws Exception {
    Readme readme = Readme.ofProject();
    List<CodeBlock> configurations = readme.blocks("xml").stream()
        .filter(block -> block.section().equals(Log4j2SnippetsTest.LOG4J2) && block.subsection().equals(WITH_SENTRY))
        .filter(block -> block.text().stripLeading().startsWith("<Configuration")).collect(Collectors.toList());
    assertEquals(1, configurations.size(), "one log4j2.xml block under " + WITH_SENTRY);
    try (SentryReceiver receiver = SentryReceiver.start()) {
      new ProbeRun(ProjectFiles.emptyWorkFolder("log4j2-sentry"), "log4j2.xml", configurations.get(0).text(),
          ReadmeBlocks.resolved().classpathOfSubsection(Log4j2SnippetsTest.LOG4J2, WITH_SENTRY),
          Log4j2ProbeApplication.class.getName())
          .withEnvironment("SENTRY_DSN", receiver.dsn())
          .run(CONTRACT_TOKEN).assertRanThrough();
      List<ReceivedSentryEvent> events = receiver.awaitEvents(event -> true, 3, Duration.ofSeconds(30));
      assertEquals(3, events.size(), () -> "the three ERROR lines became events (INFO is below the level): " + events);
      ReceivedSentryEvent error = event(events, ERROR);
      ReceivedSentryEvent withException = event(events, ERROR_WITH_EXCEPTION);
      ReceivedSentryEvent outside = event(events, OUTSIDE);
      for (ReceivedSentryEvent event : List.of(error, withException)) {
        assertEquals(CONTRACT_TOKEN, event.tag("openReplaySessionToken"), () -> "G1 tag of " + event);
        assertEquals(CONTRACT_ID, event.tag("openReplaySession.id"), () -> "G2 tag of " + event);
      }
      assertNull(outside.tag("openReplaySessionToken"), outside::toString);
      assertNull(outside.tag("openReplaySession.id"), outside::toString);
      assertEquals(Set.of(error, withException), Set.copyOf(SentryG1Lookup.linkedTo(events, CONTRACT_TOKEN)));
      assertEquals(Set.of(error, withException), Set.copyOf(SentryG2Lookup.forSession(events, CONTRACT_ID)));
      assertEquals(List.of(), receiver.problems());
    }
  }

  /** The one event whose message template is the logged message. */
  private static ReceivedSentryEvent event(List<ReceivedSentryEvent> events, String message) {
    List<ReceivedSentryEvent> found = events.stream().filter(event -> message.equals(event.template()))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one event with the template \"" + message + "\" in " + events);
    return found.get(0);
  }
}
