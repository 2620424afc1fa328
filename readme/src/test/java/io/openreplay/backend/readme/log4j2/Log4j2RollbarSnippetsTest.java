package io.openreplay.backend.readme.log4j2;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.EXCEPTION_MESSAGE;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;
import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Log4j 2 "With Rollbar" subsection, run: its {@code log4j2.xml} as written (rollbar-log4j2's appender
 * behind {@code <Async>}), in a JVM of its own whose class path is the subsection's dependency block, the access token
 * and the loopback receiver's endpoint in the environment variables the snippet reads. OpenReplay's RQL job must find
 * the request's ERROR message item, its message as logged.
 */
class Log4j2RollbarSnippetsTest {

  private static final String WITH_ROLLBAR = "With Rollbar";

  @Test
  void theRequestsErrorItemIsFoundByOpenReplaysRqlJobWithItsMessageAsLogged() throws Exception {
    Readme readme = Readme.ofProject();
    List<CodeBlock> configurations = readme.blocks("xml").stream()
        .filter(block -> block.section().equals(Log4j2SnippetsTest.LOG4J2) && block.subsection().equals(WITH_ROLLBAR))
        .filter(block -> block.text().stripLeading().startsWith("<Configuration")).collect(Collectors.toList());
    assertEquals(1, configurations.size(), "one log4j2.xml block under " + WITH_ROLLBAR);
    try (RollbarReceiver receiver = RollbarReceiver.start()) {
      Instant since = Instant.now().minusSeconds(1);
      new ProbeRun(ProjectFiles.emptyWorkFolder("log4j2-rollbar"), "log4j2.xml", configurations.get(0).text(),
          ReadmeBlocks.resolved().classpathOfSubsection(Log4j2SnippetsTest.LOG4J2, WITH_ROLLBAR),
          Log4j2ProbeApplication.class.getName())
          .withEnvironment("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN)
          .withEnvironment("ROLLBAR_ENDPOINT", receiver.endpoint())
          .run(CONTRACT_TOKEN).assertRanThrough();
      List<ReceivedRollbarItem> items = receiver.awaitItems(item -> true, 3, Duration.ofSeconds(30));
      assertEquals(3, items.size(), () -> "the three ERROR lines became items (INFO is below the filter): " + items);
      ReceivedRollbarItem error = item(items, "/body/message/body", ERROR);
      ReceivedRollbarItem withException = item(items, "/body/trace/exception/message", EXCEPTION_MESSAGE);
      ReceivedRollbarItem outside = item(items, "/body/message/body", OUTSIDE);
      assertEquals(Optional.of(CONTRACT_TOKEN), error.string("/body/message/openReplaySessionToken"));
      assertEquals(Optional.of(CONTRACT_ID), error.string("/custom/openReplaySession.id"));
      assertEquals(Optional.of(CONTRACT_TOKEN), withException.string("/custom/openReplaySessionToken"));
      assertEquals(Optional.empty(), outside.string("/custom/openReplaySessionToken"));
      assertEquals(Optional.empty(), outside.string("/body/message/openReplaySessionToken"));
      assertEquals(List.of(new RollbarG1Lookup.Row(error, CONTRACT_TOKEN)), RollbarG1Lookup.run(items, since),
          "OpenReplay's RQL job finds the error message item of the session, as the README says");
      assertEquals(List.of(), receiver.problems());
    }
  }

  private static ReceivedRollbarItem item(List<ReceivedRollbarItem> items, String pointer, String value) {
    List<ReceivedRollbarItem> found = items.stream()
        .filter(item -> item.string(pointer).filter(value::equals).isPresent()).collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one item with " + pointer + " = " + value + " in " + items);
    return found.get(0);
  }
}
