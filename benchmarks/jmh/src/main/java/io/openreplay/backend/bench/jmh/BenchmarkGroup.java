package io.openreplay.backend.bench.jmh;

import java.util.Locale;

/** The benchmarks {@link MicroBenchmarks} runs, in groups that can be run alone. */
public enum BenchmarkGroup {

  /** {@link FilterBenchmark}. */
  FILTER,

  /** {@link PatternLayoutBenchmark} and {@link JsonEncoderBenchmark}. */
  LOGBACK,

  /** {@link LoggingEventBenchmark}, without and with the agent. */
  AGENT;

  /**
   * @return the group's name on the command line
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param label a group's name, or {@code all}
   * @return the group
   * @throws IllegalArgumentException for an unknown name
   */
  public static BenchmarkGroup ofLabel(String label) {
    for (BenchmarkGroup group : values()) {
      if (group.label().equalsIgnoreCase(label.trim())) {
        return group;
      }
    }
    throw new IllegalArgumentException("unknown benchmark group '" + label + "': filter, logback, agent or all");
  }
}
