package io.openreplay.backend.bench.soakapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import io.openreplay.backend.logback.OpenReplayPatternLayout;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The soak's oracle counts what it must: an event with its request's token and session id (in the MDC and in the
 * rendered prefix) is right; another request's token, a token on a request that sent none, or the prefix twice is a
 * mismatch; nothing where the request sent a token is missing. Counts are taken as differences, since
 * {@link TokenTally} counts for the whole JVM.
 */
class TokenCheckAppenderTest {

  private static final String TOKEN = "1jgmq13dtfg1t.3t8.lrraiyhq.Y5SEi49JFE7wSkLNg44X2hFjdL7o9gKzsiDTWTUg8YQi";
  private static final String SESSION_ID = "7300000000000000001";
  private static final String OTHER_TOKEN = "1jgmq13dtfg28.-18g.lrral7jv.sdgK5PWNv2nxfurkZk71mfgvmxtRuYapkC5eSgtdPJVU";
  private static final String OTHER_SESSION_ID = "7300000000000000016";
  private static final Expectation EXPECTED = new Expectation(TOKEN, SESSION_ID);
  private static final AtomicInteger LOGGERS = new AtomicInteger();
  private static final Expectation NOTHING = new Expectation(Expectation.NONE, Expectation.NONE);

  @Test
  void theLibraryLayoutsPrefixAndTheMdcAreCheckedAgainstTheRequestsToken() {
    Logger units = units(new OpenReplayPatternLayout(), "%-5level %logger - %openReplay%msg%n");
    assertCounts(1, 0, 0, () -> logWithMdc(units, EXPECTED, TOKEN, SESSION_ID));
    assertCounts(1, 1, 0, () -> logWithMdc(units, EXPECTED, OTHER_TOKEN, OTHER_SESSION_ID));
    assertCounts(1, 1, 0, () -> logWithMdc(units, EXPECTED, TOKEN, OTHER_SESSION_ID));
    assertCounts(1, 1, 0, () -> logWithMdc(units, NOTHING, TOKEN, SESSION_ID));
    assertCounts(1, 0, 1, () -> logWithMdc(units, EXPECTED, null, null));
    assertCounts(1, 0, 0, () -> logWithMdc(units, NOTHING, null, null));
    assertCounts(1, 0, 0, () -> logWithMdc(units, new Expectation(Expectation.NONE, SESSION_ID), null, SESSION_ID));
  }

  @Test
  void aRenderedPrefixIsCheckedApartFromTheMdcAndOnlyOnceAllowed() {
    String prefix = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + SESSION_ID + "] ";
    Logger rightPrefix = units(new PatternLayout(), "%-5level " + prefix + "%msg%n");
    assertCounts(1, 0, 0, () -> logWithMdc(rightPrefix, EXPECTED, TOKEN, SESSION_ID));
    assertCounts(1, 1, 0, () -> logWithMdc(rightPrefix, NOTHING, null, null));
    Logger twice = units(new OpenReplayPatternLayout(), "%openReplay%openReplay%msg%n");
    assertCounts(1, 1, 0, () -> logWithMdc(twice, EXPECTED, TOKEN, SESSION_ID));
    Logger noPrefix = units(new PatternLayout(), "%-5level %msg%n");
    assertCounts(1, 0, 1, () -> logWithMdc(noPrefix, EXPECTED, TOKEN, SESSION_ID));
  }

  @Test
  void eventsThatAreNotUnitsAreNotCounted() {
    Logger units = units(new OpenReplayPatternLayout(), "%openReplay%msg%n");
    assertCounts(0, 0, 0, () -> units.error("started on port {}", 8080));
  }

  private static void logWithMdc(Logger units, Expectation expected, String token, String sessionId) {
    MDC.clear();
    if (token != null) {
      MDC.put(TokenCheckAppender.TOKEN_KEY, token);
    }
    if (sessionId != null) {
      MDC.put(TokenCheckAppender.SESSION_ID_KEY, sessionId);
    }
    try {
      units.error("soak {} expects token {} and session id {}", "request", expected.token(), expected.sessionId());
    } finally {
      MDC.clear();
    }
  }

  private static void assertCounts(long checked, long mismatches, long missing, Runnable logging) {
    Map<String, Long> before = counts();
    logging.run();
    Map<String, Long> after = counts();
    assertEquals(Map.of("checked", checked, "mismatches", mismatches, "missing", missing),
        Map.of("checked", after.get("checked") - before.get("checked"),
            "mismatches", after.get("mismatches") - before.get("mismatches"),
            "missing", after.get("missing") - before.get("missing")), String.valueOf(TokenTally.examples()));
  }

  private static Map<String, Long> counts() {
    return Map.of("checked", TokenTally.checked(), "mismatches", TokenTally.mismatches(),
        "missing", TokenTally.missing());
  }

  private static Logger units(PatternLayout layout, String pattern) {
    // The application's own context, whose MDC adapter org.slf4j.MDC writes to; a logger of its own each time.
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    layout.setContext(context);
    layout.setPattern(pattern);
    layout.start();
    TokenCheckAppender appender = new TokenCheckAppender();
    appender.setContext(context);
    appender.setLayout(layout);
    appender.start();
    assertTrue(appender.isStarted());
    Logger units = context.getLogger(Units.LOGGER + "." + LOGGERS.incrementAndGet());
    units.setAdditive(false);
    units.addAppender(appender);
    return units;
  }
}
