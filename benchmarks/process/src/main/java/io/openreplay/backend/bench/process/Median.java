package io.openreplay.backend.bench.process;

import java.util.Arrays;

/** The median of some measured values: the middle one, or the mean of the two middle ones. */
final class Median {

  private Median() {
  }

  /**
   * @param values at least one value
   * @return their median
   * @throws IllegalArgumentException when there is no value
   */
  static double of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no value to take the median of");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
