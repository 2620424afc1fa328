package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.RenderedLog.TextSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An embedded Tomcat 10.1 application that logs through {@code java.util.logging} only, run once with only
 * {@code -javaagent} added and once without: the SEVERE and WARNING lines of a request with the contract's token,
 * and Tomcat's own {@code Servlet.service() ... threw exception} line, carry the prefix in what every formatter
 * renders (Tomcat JULI's {@code OneLineFormatter} on the console and behind its {@code AsyncFileHandler}, which
 * formats on a thread of its own, {@code SimpleFormatter}, an application's formatter), INFO lines and requests
 * without a token are unchanged, the same lines without the agent differ only by the prefix, and the records'
 * own messages are untouched.
 */
class JulAgentTest extends JulAppAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.tomcatjul.TomcatJulApp";
  private static final String PREFIX = JulRequests.PREFIX;
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final JulRequests REQUESTS = JulRequests.tagged("jul");
  private static final String TOKEN_LOG = REQUESTS.tokenLog();
  private static final String PLAIN_LOG = REQUESTS.plainLog();
  private static final String PLAIN_THROW = REQUESTS.plainThrow();
  private static final String[] MARKERS = REQUESTS.markers();
  /** OneLineFormatter's time stamp, {@code 26-Nov-2026 01:02:03.456 }. */
  private static final Pattern ONE_LINE = Pattern.compile("\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");
  private static final Pattern SIMPLE = Pattern.compile("@@ ");
  private static final Pattern BRACKETS = Pattern.compile("\\[[A-Z]+\\] ");

  JulAgentTest() {
    super("tomcat-jul", MAIN, REQUESTS);
  }

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.property("java.util.logging.SimpleFormatter.format", "@@ %4$s %3$s %5$s%6$s%n");
  }

  @Override
  Map<String, RenderedLog> rendered(ForkedApp app, Path dir) throws Exception {
    Map<String, RenderedLog> logs = new LinkedHashMap<>();
    logs.put("console", RenderedLog.await("console", app::output, ONE_LINE, PLAIN_THROW, WAIT));
    logs.put("async", RenderedLog.await("async", TextSource.fileStartingWith(dir, "async."), ONE_LINE, PLAIN_THROW,
        WAIT));
    logs.put("simple", RenderedLog.await("simple", TextSource.file(dir.resolve("simple.log")), SIMPLE, PLAIN_THROW,
        WAIT));
    logs.put("custom", RenderedLog.await("custom", TextSource.file(dir.resolve("custom.log")), BRACKETS,
        PLAIN_THROW, WAIT));
    logs.put("records", RenderedLog.await("records", TextSource.file(dir.resolve("records.log")),
        Pattern.compile("RECORD "), PLAIN_LOG, WAIT));
    return logs;
  }

  private List<RenderedLog> rendered() {
    return List.of(withAgent.get("console"), withAgent.get("async"), withAgent.get("simple"), withAgent.get("custom"));
  }

  @Test
  void severeAndWarningLinesAndTomcatsOwnLineOfARequestWithATokenCarryThePrefixOnceInEveryFormatter() {
    for (RenderedLog log : rendered()) {
      REQUESTS.assertPrefixedOnce(log);
    }
  }

  @Test
  void infoLinesAndRequestsWithoutATokenCarryNothing() {
    for (RenderedLog log : rendered()) {
      String info = log.lineOf("jul info " + TOKEN_LOG);
      assertFalse(info.contains("openReplaySession"), () -> log.name() + ": " + info);
      for (String record : log.records()) {
        if (record.contains(PLAIN_LOG) || record.contains(PLAIN_THROW)) {
          assertFalse(record.contains("openReplaySession"), () -> log.name() + ": " + record);
        }
      }
      assertFalse(log.mentioning("uncaught " + PLAIN_THROW).isEmpty(), () -> log.name() + ": " + log.records());
    }
  }

  @Test
  void withoutTheAgentTheSameLinesAreRenderedWithoutThePrefix() {
    for (String name : List.of("console", "async", "simple", "custom")) {
      List<String> plain = withoutAgent.get(name).normalised(MARKERS);
      List<String> agent = withAgent.get(name).normalised(MARKERS).stream().map(r -> r.replace(PREFIX, "")).toList();
      assertEquals(12, plain.size(), () -> name + ": " + plain);
      assertEquals(plain, agent, name);
      assertTrue(withAgent.get(name).normalised(MARKERS).stream().filter(r -> r.contains(PREFIX)).count() == 5,
          () -> name + ": five records carry the prefix");
    }
  }

  @Test
  void theRecordsOwnMessagesAndParametersAreUntouched() {
    List<String> plain = withoutAgent.get("records").normalised(MARKERS);
    List<String> agent = withAgent.get("records").normalised(MARKERS);
    assertEquals(plain, agent);
    assertTrue(agent.contains("SEVERE | jul severe " + TOKEN_LOG + " | null\n"), agent::toString);
    assertTrue(agent.contains("SEVERE | jul param {0} " + TOKEN_LOG + " | [p1]\n"), agent::toString);
    assertTrue(agent.stream().noneMatch(r -> r.contains("openReplaySession")), agent::toString);
  }
}
