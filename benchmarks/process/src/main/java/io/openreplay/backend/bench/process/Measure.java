package io.openreplay.backend.bench.process;

import java.util.function.ToDoubleFunction;

/** The four things the process benchmark measures, with their units and budgets. */
public enum Measure {

  /** Process spawn to the first 200 of the home page. */
  STARTUP("start-up to first 200", "ms", 0, Measurement::startupMillis,
      new Budget(Budget.Kind.SHARE_OF_REFERENCE_OVERHEAD, 0.15)),

  /** Resident memory after the load, heap fixed and pre-touched. */
  RSS("RSS after load", "MB", 1, Measurement::rssMegabytes, new Budget(Budget.Kind.AMOUNT, 20)),

  /** Server CPU per page request. */
  CPU_PER_PAGE("CPU per page request", "us", 0, Measurement::cpuMicrosPerPage,
      new Budget(Budget.Kind.FRACTION_OF_BASELINE, 0.03)),

  /** Server CPU per request that logs an error with its stack trace. */
  CPU_PER_LOGGED_ERROR("CPU per logged error", "us", 0, Measurement::cpuMicrosPerError,
      new Budget(Budget.Kind.FRACTION_OF_BASELINE, 0.03));

  private final String title;
  private final String unit;
  private final int decimals;
  private final ToDoubleFunction<Measurement> value;
  private final Budget budget;

  Measure(String title, String unit, int decimals, ToDoubleFunction<Measurement> value, Budget budget) {
    this.title = title;
    this.unit = unit;
    this.decimals = decimals;
    this.value = value;
    this.budget = budget;
  }

  /**
   * @return the measure's name in the table, with its unit
   */
  public String title() {
    return title + " (" + unit + ")";
  }

  /**
   * @return the unit of its values
   */
  public String unit() {
    return unit;
  }

  /**
   * @return how many decimals its values are printed with
   */
  public int decimals() {
    return decimals;
  }

  /**
   * @param measurement one run's measurement
   * @return this measure's value in it
   */
  public double of(Measurement measurement) {
    return value.applyAsDouble(measurement);
  }

  /**
   * @return what the OpenReplay agent may add
   */
  public Budget budget() {
    return budget;
  }
}
