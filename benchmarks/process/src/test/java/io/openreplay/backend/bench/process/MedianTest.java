package io.openreplay.backend.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void theMiddleValueOfAnOddCount() {
    assertEquals(4211, Median.of(new double[] {4375, 4130, 4211}));
  }

  @Test
  void theMeanOfTheTwoMiddleValuesOfAnEvenCount() {
    assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}));
  }

  @Test
  void noValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
  }
}
