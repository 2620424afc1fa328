package io.openreplay.backend.bench.jmh;

import java.util.Locale;

/**
 * A limit from issue 8 on what a benchmark may cost over its baseline: nanoseconds added, or a ratio.
 *
 * @param kind what the limit bounds
 * @param limit the largest value allowed
 */
public record Budget(Kind kind, double limit) {

  /** What a budget bounds. */
  public enum Kind {
    /** Measured minus baseline, in nanoseconds per operation. */
    ADDED_NANOS,
    /** Measured divided by baseline. */
    RATIO
  }

  /**
   * @param baseline the baseline's score, ns/op
   * @param measured the measured score, ns/op
   * @return whether the measured score is within the budget
   */
  public boolean isMet(double baseline, double measured) {
    return kind == Kind.ADDED_NANOS ? measured - baseline <= limit : measured / baseline <= limit;
  }

  @Override
  public String toString() {
    return kind == Kind.ADDED_NANOS ? String.format(Locale.ROOT, "<= +%.0f ns", limit)
        : String.format(Locale.ROOT, "<= %.2fx", limit);
  }
}
