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
 * The tomcat-jul app's servlets on embedded Tomcat 10.1 with JBoss LogManager as java.util.logging's manager (as
 * WildFly and Quarkus run), once with only {@code -javaagent} added and once without: the records of a request with
 * the contract's token carry both keys in their MDC ({@code %X}, the record's MDC copy, also behind an
 * {@code AsyncHandler}), WARN and above get the prefix in {@code PatternFormatter}'s {@code %s} and {@code %m}
 * (Tomcat's own {@code Servlet.service()} line included), INFO lines and requests without a token are unchanged, and
 * without the agent the same lines are rendered without the prefix and keys, the records' messages unchanged.
 */
class JbossLogManagerAgentTest extends JulAppAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.jbosslogmanager.JbossLogManagerApp";
  private static final String TOKEN = TestTokens.CONTRACT_TOKEN;
  private static final String SESSION_ID = TestTokens.CONTRACT_SESSION_ID;
  private static final String PREFIX = JulRequests.PREFIX;
  private static final String KEYS = "token=" + TOKEN + " id=" + SESSION_ID + " ";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final JulRequests REQUESTS = JulRequests.tagged("jboss");
  private static final String TOKEN_LOG = REQUESTS.tokenLog();
  private static final String PLAIN_LOG = REQUESTS.plainLog();
  private static final String PLAIN_THROW = REQUESTS.plainThrow();
  private static final String[] MARKERS = REQUESTS.markers();
  private static final Pattern RECORD_START = Pattern.compile("@@ ");
  private static final List<String> PATTERNS = List.of("simple", "message", "async");

  JbossLogManagerAgentTest() {
    super("jboss-logmanager", MAIN, REQUESTS);
  }

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.property("java.util.logging.manager", "org.jboss.logmanager.LogManager");
  }

  @Override
  Map<String, RenderedLog> rendered(ForkedApp app, Path dir) throws Exception {
    Map<String, RenderedLog> logs = new LinkedHashMap<>();
    for (String name : List.of("simple", "message", "async", "mdc")) {
      logs.put(name, RenderedLog.await(name, TextSource.file(dir.resolve(name + ".log")), RECORD_START,
          name.equals("mdc") ? "jul thrown " + PLAIN_LOG : PLAIN_THROW, WAIT));
    }
    logs.put("records", RenderedLog.await("records", TextSource.file(dir.resolve("records.log")),
        Pattern.compile("RECORD "), PLAIN_LOG, WAIT));
    return logs;
  }

  @Test
  void warnAndAboveOfARequestWithATokenCarryThePrefixOnceInPercentSAndPercentM() {
    for (String name : PATTERNS) {
      RenderedLog log = withAgent.get(name);
      REQUESTS.assertPrefixedOnce(log);
      String info = log.lineOf("jul info " + TOKEN_LOG);
      assertFalse(info.contains("openReplaySession"), () -> name + ": " + info);
    }
  }

  @Test
  void everyRecordOfARequestWithATokenCarriesBothKeysInItsMdc() {
    RenderedLog mdc = withAgent.get("mdc");
    for (String message : List.of("jul severe ", "jul warning ", "jul info ", "jul param p1 ", "jul thrown ")) {
      String line = mdc.lineOf(message + TOKEN_LOG);
      assertTrue(line.contains(KEYS), () -> line);
      String plainRequest = mdc.lineOf(message + PLAIN_LOG);
      assertTrue(plainRequest.contains("token= id= "), () -> plainRequest);
    }
    for (String record : withAgent.get("records").mentioning(TOKEN_LOG)) {
      assertTrue(record.endsWith("{openReplaySession.id=" + SESSION_ID + ", openReplaySessionToken=" + TOKEN + "}"),
          record);
    }
    for (String record : withAgent.get("records").mentioning(PLAIN_LOG)) {
      assertTrue(record.endsWith("| {}"), record);
    }
  }

  @Test
  void requestsWithoutATokenCarryNothing() {
    for (String name : PATTERNS) {
      for (String record : withAgent.get(name).records()) {
        if (record.contains(PLAIN_LOG) || record.contains(PLAIN_THROW)) {
          assertFalse(record.contains("openReplaySession"), () -> name + ": " + record);
        }
      }
    }
  }

  @Test
  void withoutTheAgentTheSameLinesAreRenderedWithoutPrefixAndKeys() {
    for (String name : List.of("simple", "message", "async", "mdc")) {
      List<String> plain = withoutAgent.get(name).normalised(MARKERS);
      List<String> agent = withAgent.get(name).normalised(MARKERS).stream()
          .map(r -> r.replace(PREFIX, "").replace(KEYS, "token= id= ")).toList();
      assertEquals(name.equals("mdc") ? 10 : 12, plain.size(), () -> name + ": " + plain);
      assertEquals(plain, agent, name);
    }
  }

  @Test
  void theRecordsOwnMessagesAreUntouched() {
    List<String> plain = withoutAgent.get("records").normalised(MARKERS);
    List<String> agent = withAgent.get("records").normalised(MARKERS).stream()
        .map(r -> r.replace("{openReplaySession.id=" + SESSION_ID + ", openReplaySessionToken=" + TOKEN + "}", "{}"))
        .toList();
    assertEquals(plain, agent);
    assertTrue(agent.contains("SEVERE | jul severe " + TOKEN_LOG + " | null | {}\n"), agent::toString);
  }
}
