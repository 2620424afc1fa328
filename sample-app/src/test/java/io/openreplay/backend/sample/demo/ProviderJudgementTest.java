package io.openreplay.backend.sample.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The demo's judgement on its own, from what a receiver held and what OpenReplay's lookups returned: no process, no
 * network. Each case is one way a provider can fail to deliver the token, and the one way it passes.
 */
class ProviderJudgementTest {

  private static final DemoTokens TOKENS = new DemoTokens(new Random(42));
  private static final int ERRORS = DemoTraffic.ERRORS_PER_SESSION;

  private final List<DemoSession> sessions = List.of(session(), session());
  private final DemoSession first = sessions.get(0);
  private final DemoSession second = sessions.get(1);

  @Test
  void theRightTokensFoundForEverySessionPass() {
    ProviderRow row = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS), List.of());

    assertTrue(row.passed(), row.problems().toString());
    assertEquals(2 * ERRORS, row.foundG1());
    assertEquals(-1, row.foundG2());
  }

  @Test
  void theRightTokensAndIdsFoundPassAProviderG2Reads() {
    ProviderRow row = ProviderJudgement.judge(Provider.SENTRY, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS), g2(ERRORS, ERRORS), ERRORS, List.of());

    assertTrue(row.passed(), row.problems().toString());
    assertEquals(2 * ERRORS, row.foundG2());
  }

  @Test
  void theRightIdsFoundPassAProviderOnlyG2Reads() {
    ProviderRow row = ProviderJudgement.judge(Provider.DYNATRACE, sessions, 2 * ERRORS, 2 * ERRORS, null,
        g2(ERRORS, ERRORS), ERRORS, List.of());

    assertTrue(row.passed(), row.problems().toString());
    assertEquals(-1, row.foundG1());
    assertEquals(2 * ERRORS, row.foundG2());
  }

  @Test
  void aReceiverThatGotNothingFailsAProviderOnlyG2Reads() {
    ProviderRow row = ProviderJudgement.judge(Provider.DYNATRACE, sessions, 0, 0, null, g2(0, 0), ERRORS,
        List.of());

    assertFalse(row.passed());
    assertEquals(List.of("its receiver got nothing"), row.problems());
  }

  @Test
  void anotherSessionsEventsFoundByG2FailAProviderOnlyG2Reads() {
    ProviderRow row = ProviderJudgement.judge(Provider.DYNATRACE, sessions, 2 * ERRORS, 2 * ERRORS, null,
        g2(2 * ERRORS, ERRORS), ERRORS, List.of());

    assertFalse(row.passed());
    assertEquals(List.of("G2 found " + 2 * ERRORS + " of the " + ERRORS + " events of session "
        + first.sessionId()), row.problems());
  }

  @Test
  void aReceiverThatGotNothingFails() {
    ProviderRow row = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 0, 0, List.of(), List.of());

    assertFalse(row.passed());
    assertEquals(List.of("its receiver got nothing"), row.problems());
  }

  @Test
  void aReceiverThatGotNothingFailsAlsoWhereG2Reads() {
    ProviderRow row = ProviderJudgement.judge(Provider.ELASTICSEARCH, sessions, 0, 0, List.of(), g2(0, 0),
        DemoTraffic.LOG_EVENTS_PER_SESSION, List.of());

    assertFalse(row.passed());
    assertEquals("its receiver got nothing", row.problems().get(0));
  }

  @Test
  void fewerErrorsFoundThanTheSessionsRequestsMadeFail() {
    ProviderRow row = ProviderJudgement.judge(Provider.CLOUDWATCH, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS - 1), List.of());

    assertFalse(row.passed());
    assertEquals(List.of("G1 found " + (ERRORS - 1) + " of the " + ERRORS + " errors of session "
        + second.sessionId()), row.problems());
  }

  @Test
  void eventsReceivedWithoutATokenOpenReplayLinksFail() {
    ProviderRow row = ProviderJudgement.judge(Provider.CLOUD_LOGGING, sessions, 2 * ERRORS, 0, List.of(), List.of());

    assertFalse(row.passed());
    assertEquals(2, row.problems().size(), row.problems().toString());
  }

  @Test
  void fewerEventsFoundByG2ThanTheSessionMadeFail() {
    ProviderRow row = ProviderJudgement.judge(Provider.SENTRY, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS), g2(ERRORS, 0), ERRORS, List.of());

    assertFalse(row.passed());
    assertEquals(List.of("G2 found 0 of the " + ERRORS + " events of session " + second.sessionId()),
        row.problems());
  }

  @Test
  void aTokenOfAnotherSessionFoundFails() {
    DemoSession other = session();
    List<String> found = tokens(first, ERRORS, second, ERRORS);
    found.add(other.token());

    ProviderRow row = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 2 * ERRORS + 1, 2 * ERRORS + 1, found,
        List.of());

    assertFalse(row.passed());
    assertEquals(List.of("G1 linked a token no request sent: " + other.token()), row.problems());
  }

  @Test
  void oneSessionsErrorsFoundUnderAnotherSessionsTokenFail() {
    ProviderRow row = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, 2 * ERRORS, second, 0), List.of());

    assertFalse(row.passed());
    assertEquals(2, row.problems().size(), row.problems().toString());
  }

  @Test
  void whatTheReceiverRefusedFails() {
    ProviderRow row = ProviderJudgement.judge(Provider.SENTRY, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS), g2(ERRORS, ERRORS), ERRORS, List.of("an envelope without a DSN"));

    assertFalse(row.passed());
    assertEquals(List.of("receiver refused: an envelope without a DSN"), row.problems());
  }

  @Test
  void aNoteTellsHowTheDemoRanButDecidesNothing() {
    ProviderRow passing = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 2 * ERRORS, 2 * ERRORS,
        tokens(first, ERRORS, second, ERRORS), List.of()).withNote("its receiver was taken down on purpose");
    ProviderRow failing = ProviderJudgement.judge(Provider.ROLLBAR, sessions, 0, 0, List.of(), List.of())
        .withNote("its receiver was taken down on purpose");

    assertTrue(passing.passed(), passing.problems().toString());
    assertFalse(failing.passed());
    assertEquals(List.of("its receiver got nothing"), failing.problems());
    assertTrue(DemoTable.render(List.of(failing)).contains("  note: its receiver was taken down on purpose"));
  }

  private static DemoSession session() {
    SessionToken token = TOKENS.next(1_764_000_000_000L);
    return new DemoSession(token.token(), token.sessionId(), "X-OpenReplay-SessionToken");
  }

  private static List<String> tokens(DemoSession a, int timesA, DemoSession b, int timesB) {
    List<String> tokens = new ArrayList<>(Collections.nCopies(timesA, a.token()));
    tokens.addAll(Collections.nCopies(timesB, b.token()));
    return tokens;
  }

  private Map<String, Integer> g2(int foundFirst, int foundSecond) {
    Map<String, Integer> found = new LinkedHashMap<>();
    found.put(first.sessionId(), foundFirst);
    found.put(second.sessionId(), foundSecond);
    return found;
  }
}
