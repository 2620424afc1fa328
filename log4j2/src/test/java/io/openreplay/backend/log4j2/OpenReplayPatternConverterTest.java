package io.openreplay.backend.log4j2;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %openReplay} in real Log4j 2 {@code PatternLayout}s writing files: found by Log4j as a plugin, the prefix of
 * the event's token before the message, nothing without a token or with an invalid one, the plain {@code %m} of the
 * same events untouched.
 */
class OpenReplayPatternConverterTest {

  static final String PREFIX = "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID
      + "] ";

  @TempDir
  Path dir;

  @AfterEach
  void clearThreadContext() {
    ThreadContext.clearMap();
  }

  /** Two file appenders on one logger: the pattern under test, and {@code %-5level %m%n} beside it. */
  private String config(String pattern, boolean async) {
    String appenders = "<File name='UNDER_TEST' fileName='" + dir.resolve("under-test.log") + "'>"
        + "<PatternLayout pattern='" + pattern + "'/></File>"
        + "<File name='PLAIN' fileName='" + dir.resolve("plain.log") + "'><PatternLayout pattern='%-5level %m%n'/></File>";
    if (async) {
      appenders += "<Async name='ASYNC'><AppenderRef ref='UNDER_TEST'/></Async>";
    }
    return "<Configuration status='WARN'><Appenders>" + appenders + "</Appenders><Loggers><Root level='INFO'>"
        + "<AppenderRef ref='" + (async ? "ASYNC" : "UNDER_TEST") + "'/><AppenderRef ref='PLAIN'/></Root></Loggers>"
        + "</Configuration>";
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
  }

  private static void inRequest(String token, Runnable logging) {
    try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(token).orElseThrow())) {
      logging.run();
    }
  }

  @Test
  void runsOnTheLog4jOfThisTestRun() {
    assertEquals(System.getProperty("openreplay.log4j.version"),
        org.apache.logging.log4j.core.LoggerContext.class.getPackage().getImplementationVersion());
  }

  @Test
  void writesThePrefixOfTheRequestsTokenAndNothingOutsideIt() throws IOException {
    String other = Tokens.forSession(4_242_424_242L);
    List<String> warnings;
    try (XmlLog4j log4j = XmlLog4j.configure(config("%-5level %logger - %openReplay%m%n", false))) {
      Logger log = log4j.logger("shop.Checkout");
      inRequest(CONTRACT_TOKEN, () -> {
        log.info("cart shown");
        log.error("payment failed", new IllegalStateException("card declined"));
      });
      inRequest(other, () -> log.error("other session"));
      log.error("nightly job failed");
      warnings = log4j.warnings();
    }
    assertEquals(List.of(), warnings);
    List<String> lines = lines("under-test.log");
    assertEquals("INFO  shop.Checkout - " + PREFIX + "cart shown", lines.get(0));
    assertEquals("ERROR shop.Checkout - " + PREFIX + "payment failed", lines.get(1));
    assertTrue(lines.get(2).startsWith("java.lang.IllegalStateException: card declined"), lines.get(2));
    String otherLine = lines.stream().filter(line -> line.endsWith("other session")).findFirst().orElseThrow();
    assertEquals("ERROR shop.Checkout - [openReplaySessionToken=" + other + "] [openReplaySession.id=4242424242] "
        + "other session", otherLine);
    assertEquals("ERROR shop.Checkout - nightly job failed", lines.get(lines.size() - 1));
    // the message itself, as %m and every grouping reads it, is untouched
    assertEquals(List.of("INFO  cart shown", "ERROR payment failed"), lines("plain.log").subList(0, 2));
    assertTrue(lines("plain.log").stream().noneMatch(line -> line.contains("openReplay")), lines("plain.log")::toString);
  }

  @Test
  void theOptionsNarrowThePrefixToOneGeneration() throws IOException {
    try (XmlLog4j log4j = XmlLog4j.configure(config("%openReplay{G1}|%openReplay{G2}|%openReplay{BOTH}|%m%n", false))) {
      Logger log = log4j.logger("shop.Checkout");
      inRequest(CONTRACT_TOKEN, () -> log.error("payment failed"));
      assertEquals(List.of(), log4j.warnings());
    }
    assertEquals(List.of("[openReplaySessionToken=" + CONTRACT_TOKEN + "] |[openReplaySession.id=" + CONTRACT_ID + "] |"
        + PREFIX + "|payment failed"), lines("under-test.log"));
  }

  @Test
  void anUnknownOptionIsReportedAndBothArePrinted() throws IOException {
    List<String> warnings;
    try (XmlLog4j log4j = XmlLog4j.configure(config("%openReplay{G3}%m%n", false))) {
      inRequest(CONTRACT_TOKEN, () -> log4j.logger("shop.Checkout").error("payment failed"));
      warnings = log4j.warnings();
    }
    assertEquals(List.of(PREFIX + "payment failed"), lines("under-test.log"));
    assertTrue(warnings.stream().anyMatch(w -> w.contains("Unknown option [G3] of %openReplay")), warnings::toString);
  }

  @Test
  void contextDataIsValidatedAgainAndABareIdPrintsOnlyTheSecondGeneration() throws IOException {
    try (XmlLog4j log4j = XmlLog4j.configure(config("%openReplay%m%n", false))) {
      Logger log = log4j.logger("shop.Checkout");
      ThreadContext.put(SessionToken.TOKEN_KEY, "forged] [openReplaySessionToken=x");
      log.error("forged");
      ThreadContext.clearMap();
      ThreadContext.put(SessionToken.SESSION_ID_KEY, "4242424242");
      log.error("bare id");
      ThreadContext.clearMap();
      ThreadContext.put(SessionToken.TOKEN_KEY, CONTRACT_TOKEN);
      ThreadContext.put(SessionToken.SESSION_ID_KEY, "999");
      log.error("ids disagree");
    }
    assertEquals(List.of("forged", "[openReplaySession.id=4242424242] bare id",
        "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=999] ids disagree"),
        lines("under-test.log"));
  }

  @Test
  void aMessageThatIsAlreadyPrefixedGetsNoSecondPrefix() throws IOException {
    try (XmlLog4j log4j = XmlLog4j.configure(config("%openReplay%m%n", false))) {
      inRequest(CONTRACT_TOKEN, () -> log4j.logger("shop.Checkout").error(PREFIX + "prefixed before"));
    }
    assertEquals(List.of(PREFIX + "prefixed before"), lines("under-test.log"));
  }

  @Test
  void anAsyncAppenderKeepsTheTokenOfTheEvent() throws IOException {
    try (XmlLog4j log4j = XmlLog4j.configure(config("%openReplay%m%n", true))) {
      Logger log = log4j.logger("shop.Checkout");
      inRequest(CONTRACT_TOKEN, () -> log.error("payment failed"));
      log.error("after the request");
    }
    assertEquals(List.of(PREFIX + "payment failed", "after the request"), lines("under-test.log"));
  }
}
