package io.openreplay.backend.sample.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's judgement of one provider, from what its receiver holds and what OpenReplay's own lookups found there,
 * and from nothing else: a provider passes when its receiver got events, G1 (where it reads the provider) linked
 * exactly the {@value DemoTraffic#ERRORS_PER_SESSION} errors of each session to that session's token and no token a
 * request did not send, G2 (where it reads the provider) found each session's events by its id, and the receiver
 * refused nothing.
 * How the demo was run (a receiver taken down on purpose) is no input: a broken receiver fails because the judgement
 * sees that it holds nothing.
 */
final class ProviderJudgement {

  private ProviderJudgement() {
  }

  /**
   * Judges a provider that only OpenReplay G1 reads.
   *
   * @param provider the provider
   * @param sessions the sessions the demo sent
   * @param received the events the receiver holds
   * @param withToken how many of them carry a token or session id
   * @param g1Tokens the token of each event OpenReplay G1 links to a session (all sessions' results together)
   * @param receiverProblems what the receiver refused, one line each
   * @return the row
   */
  static ProviderRow judge(Provider provider, List<DemoSession> sessions, int received, int withToken,
      Collection<String> g1Tokens, List<String> receiverProblems) {
    return judge(provider, sessions, received, withToken, g1Tokens, null, 0, receiverProblems);
  }

  /**
   * Judges a provider from what its receiver holds and what OpenReplay's lookups returned.
   *
   * @param provider the provider
   * @param sessions the sessions the demo sent
   * @param received the events the receiver holds
   * @param withToken how many of them carry a token or session id
   * @param g1Tokens for a provider G1 reads: the token of each event OpenReplay G1 links to a session (all sessions'
   *     results together); {@code null} otherwise
   * @param g2BySession for a provider G2 reads: the number of events G2 finds, by session id; {@code null} otherwise
   * @param expectedG2 how many events G2 should find for each session (its queries differ by provider)
   * @param receiverProblems what the receiver refused, one line each
   * @return the row
   */
  static ProviderRow judge(Provider provider, List<DemoSession> sessions, int received, int withToken,
      Collection<String> g1Tokens, Map<String, Integer> g2BySession, int expectedG2, List<String> receiverProblems) {
    List<String> problems = new ArrayList<>();
    if (received == 0) {
      problems.add("its receiver got nothing");
    }
    Map<String, Long> g1ByToken = g1Tokens == null ? Map.of() : g1Tokens.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Set<String> sent = sessions.stream().map(DemoSession::token).collect(Collectors.toSet());
    int foundG1 = 0;
    int foundG2 = 0;
    for (DemoSession session : sessions) {
      long g1 = g1ByToken.getOrDefault(session.token(), 0L);
      foundG1 += (int) g1;
      // With an empty receiver the first problem says it all; a count found in an empty receiver is still wrong.
      if (g1Tokens != null && g1 != DemoTraffic.ERRORS_PER_SESSION && (received > 0 || g1 > 0)) {
        problems.add("G1 found " + g1 + " of the " + DemoTraffic.ERRORS_PER_SESSION + " errors of session "
            + session.sessionId());
      }
      if (g2BySession != null) {
        int g2 = g2BySession.getOrDefault(session.sessionId(), 0);
        foundG2 += g2;
        if (g2 != expectedG2 && (received > 0 || g2 > 0)) {
          problems.add("G2 found " + g2 + " of the " + expectedG2 + " events of session " + session.sessionId());
        }
      }
    }
    g1ByToken.keySet().stream().filter(token -> !sent.contains(token)).sorted()
        .forEach(token -> problems.add("G1 linked a token no request sent: " + token));
    receiverProblems.stream().distinct().limit(3).forEach(problem -> problems.add("receiver refused: " + problem));
    return new ProviderRow(provider, received, withToken, g1Tokens == null ? -1 : foundG1,
        g2BySession == null ? -1 : foundG2, problems, List.of());
  }
}
