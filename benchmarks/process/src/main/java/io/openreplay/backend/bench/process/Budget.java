package io.openreplay.backend.bench.process;

import java.util.Locale;
import java.util.Optional;

/**
 * A limit on what the OpenReplay agent may add to a measure, from issue 8: a share of OpenTelemetry's overhead, an
 * amount, or a fraction of the baseline.
 *
 * @param kind what the limit is compared with
 * @param limit the limit: a fraction (0.15 for 15%) or an amount in the measure's unit
 */
public record Budget(Kind kind, double limit) {

  /** What a budget's limit is compared with. */
  public enum Kind {
    /** Our overhead as a fraction of the OpenTelemetry agent's overhead in the same run. */
    SHARE_OF_REFERENCE_OVERHEAD,
    /** Our overhead, in the measure's unit. */
    AMOUNT,
    /** Our overhead as a fraction of the baseline. */
    FRACTION_OF_BASELINE
  }

  /**
   * @param unit the measure's unit
   * @return the budget as the table prints it, e.g. {@code <= +3%}
   */
  public String describe(String unit) {
    switch (kind) {
      case SHARE_OF_REFERENCE_OVERHEAD:
        return String.format(Locale.ROOT, "<= %.0f%% of OTel's overhead", limit * 100);
      case AMOUNT:
        return String.format(Locale.ROOT, "<= +%.0f %s", limit, unit);
      default:
        return String.format(Locale.ROOT, "<= +%.0f%%", limit * 100);
    }
  }

  /**
   * @param ourOverhead our overhead, in the measure's unit
   * @param ourRelativeOverhead our overhead as a fraction of the baseline
   * @param referenceOverhead OpenTelemetry's overhead, when it was measured
   * @return whether the budget is met; empty when it cannot be told (no reference measured)
   */
  public Optional<Boolean> isMet(double ourOverhead, double ourRelativeOverhead, Optional<Double> referenceOverhead) {
    switch (kind) {
      case SHARE_OF_REFERENCE_OVERHEAD:
        return referenceOverhead.map(reference -> ourOverhead <= limit * Math.max(reference, 0));
      case AMOUNT:
        return Optional.of(ourOverhead <= limit);
      default:
        return Optional.of(ourRelativeOverhead <= limit);
    }
  }
}
