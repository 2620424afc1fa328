package io.openreplay.backend.bench.jmh;

import java.util.Optional;

/**
 * One benchmark next to its baseline, as {@link MicroBenchmarks} prints it.
 *
 * @param group the benchmark group
 * @param what what is compared, in words
 * @param baseline the baseline's result
 * @param measured the measured result
 * @param budget the limit from issue 8, when there is one
 */
public record Comparison(BenchmarkGroup group, String what, Score baseline, Score measured, Optional<Budget> budget) {

  /**
   * One JMH result.
   *
   * @param benchmark the benchmark method and its parameters, e.g. {@code LoggingEventBenchmark.logError token=none}
   * @param nanosPerOp the average time per operation
   * @param error the 99.9% confidence interval's half-width, NaN with too few iterations
   */
  public record Score(String benchmark, double nanosPerOp, double error) {
  }

  /**
   * @return measured minus baseline, ns/op
   */
  public double addedNanos() {
    return measured.nanosPerOp() - baseline.nanosPerOp();
  }

  /**
   * @return measured divided by baseline
   */
  public double ratio() {
    return measured.nanosPerOp() / baseline.nanosPerOp();
  }

  /**
   * @return whether the budget is met; empty when there is no budget
   */
  public Optional<Boolean> withinBudget() {
    return budget.map(limit -> limit.isMet(baseline.nanosPerOp(), measured.nanosPerOp()));
  }
}
