package io.openreplay.backend.sample.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One row of the demo's table: what a provider's receiver holds and what OpenReplay's lookups find in it.
 *
 * @param provider the provider
 * @param received the events (items, entries, documents) the receiver holds
 * @param withToken how many of them carry an OpenReplay token or session id in any form
 * @param foundG1 how many OpenReplay G1's lookup links to the demo's sessions
 * @param foundG2 how many OpenReplay G2's lookup finds for the demo's sessions; {@code -1} for a provider G2 does not
 *     read
 * @param problems why the provider fails the check; empty when it passes
 */
public record ProviderRow(Provider provider, int received, int withToken, int foundG1, int foundG2,
    List<String> problems) {

  /**
   * Copies the problems.
   */
  public ProviderRow {
    problems = List.copyOf(problems);
  }

  /**
   * @return whether OpenReplay found every error of every session at this provider, and nothing of a request without
   *     a token
   */
  public boolean passed() {
    return problems.isEmpty();
  }

  /**
   * @param problem one more reason the provider fails, shown first
   * @return a copy of this row with that problem
   */
  public ProviderRow withProblem(String problem) {
    List<String> all = new ArrayList<>();
    all.add(problem);
    all.addAll(problems);
    return new ProviderRow(provider, received, withToken, foundG1, foundG2, all);
  }

  /**
   * A row for a provider that could not be looked up at all.
   *
   * @param provider the provider
   * @param problem why
   * @return the row
   */
  public static ProviderRow failed(Provider provider, String problem) {
    return new ProviderRow(provider, 0, 0, 0, provider.hasG2() ? 0 : -1, List.of(problem));
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
  public static ProviderRow judge(Provider provider, List<DemoSession> sessions, int received, int withToken,
      Collection<String> g1Tokens, List<String> receiverProblems) {
    return judge(provider, sessions, received, withToken, g1Tokens, null, 0, receiverProblems);
  }

  /**
   * Judges a provider from what OpenReplay's lookups returned.
   *
   * @param provider the provider
   * @param sessions the sessions the demo sent
   * @param received the events the receiver holds
   * @param withToken how many of them carry a token or session id
   * @param g1Tokens the token of each event OpenReplay G1 links to a session (all sessions' results together)
   * @param g2BySession for a provider G2 reads: the number of events G2 finds, by session id; {@code null} otherwise
   * @param expectedG2 how many events G2 should find for each session (its queries differ by provider)
   * @param receiverProblems what the receiver refused, one line each
   * @return the row
   */
  public static ProviderRow judge(Provider provider, List<DemoSession> sessions, int received, int withToken,
      Collection<String> g1Tokens, Map<String, Integer> g2BySession, int expectedG2, List<String> receiverProblems) {
    List<String> problems = new ArrayList<>();
    if (received == 0) {
      problems.add("its receiver got nothing");
    }
    Map<String, Long> g1ByToken = g1Tokens.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
    Set<String> sent = sessions.stream().map(DemoSession::token).collect(Collectors.toSet());
    int foundG1 = 0;
    int foundG2 = 0;
    for (DemoSession session : sessions) {
      long g1 = g1ByToken.getOrDefault(session.token(), 0L);
      foundG1 += (int) g1;
      if (g1 != DemoTraffic.ERRORS_PER_SESSION && received > 0) {
        problems.add("G1 found " + g1 + " of the " + DemoTraffic.ERRORS_PER_SESSION + " errors of session "
            + session.sessionId());
      }
      if (g2BySession != null) {
        int g2 = g2BySession.getOrDefault(session.sessionId(), 0);
        foundG2 += g2;
        if (g2 != expectedG2 && received > 0) {
          problems.add("G2 found " + g2 + " of the " + expectedG2 + " events of session " + session.sessionId());
        }
      }
    }
    g1ByToken.keySet().stream().filter(token -> !sent.contains(token)).sorted()
        .forEach(token -> problems.add("G1 linked a token no request sent: " + token));
    receiverProblems.stream().distinct().limit(3).forEach(problem -> problems.add("receiver refused: " + problem));
    return new ProviderRow(provider, received, withToken, foundG1, g2BySession == null ? -1 : foundG2, problems);
  }
}
