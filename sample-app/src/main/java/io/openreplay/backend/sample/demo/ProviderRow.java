package io.openreplay.backend.sample.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the demo's table: what a provider's receiver holds and what OpenReplay's lookups find in it.
 *
 * @param provider the provider
 * @param received the events (items, entries, documents) the receiver holds
 * @param withToken how many of them carry an OpenReplay token or session id in any form
 * @param foundG1 how many OpenReplay G1's lookup links to the demo's sessions; {@code -1} for a provider G1 does not
 *     read
 * @param foundG2 how many OpenReplay G2's lookup finds for the demo's sessions; {@code -1} for a provider G2 does not
 *     read
 * @param problems why the provider fails the check ({@link ProviderJudgement}); empty when it passes
 * @param notes how the demo was run for this provider, e.g. its receiver taken down on purpose: shown beside the
 *     row, never a reason to fail it
 */
public record ProviderRow(Provider provider, int received, int withToken, int foundG1, int foundG2,
    List<String> problems, List<String> notes) {

  /**
   * Copies the problems and notes.
   */
  public ProviderRow {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /**
   * @return whether OpenReplay found every error of every session at this provider, and nothing of a request without
   *     a token
   */
  public boolean passed() {
    return problems.isEmpty();
  }

  /**
   * @param note how the demo was run for this provider; it does not change whether the row passes
   * @return a copy of this row with that note
   */
  public ProviderRow withNote(String note) {
    return withNotes(List.of(note));
  }

  /**
   * @param more how the demo was run for this provider, one line each; they do not change whether the row passes
   * @return a copy of this row with those notes after its own
   */
  public ProviderRow withNotes(List<String> more) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(more);
    return new ProviderRow(provider, received, withToken, foundG1, foundG2, problems, all);
  }

  /**
   * A row for a provider that could not be looked up at all.
   *
   * @param provider the provider
   * @param problem why
   * @return the row
   */
  public static ProviderRow failed(Provider provider, String problem) {
    return new ProviderRow(provider, 0, 0, provider.hasG1() ? 0 : -1, provider.hasG2() ? 0 : -1, List.of(problem),
        List.of());
  }
}
