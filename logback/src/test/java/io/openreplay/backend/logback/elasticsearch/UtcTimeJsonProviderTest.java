package io.openreplay.backend.logback.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kept second's text gives the same RFC 3339 text as the formatter, whatever the order of the times. */
class UtcTimeJsonProviderTest {

  @Test
  void writesWhatTheFormatterWrites() {
    UtcTimeJsonProvider provider = new UtcTimeJsonProvider();
    long[] fixed = {1706070459324L, 1706070459324L, 1706070459999L, 1706070460000L, 1706070459001L, 0L, -1L, -1001L,
        253402300799999L};
    for (long millis : fixed) {
      assertEquals(UtcTimeJsonProvider.RFC_3339_UTC.format(Instant.ofEpochMilli(millis)), provider.format(millis));
    }
    SplittableRandom random = new SplittableRandom(42);
    long now = 1764115200000L;
    for (int i = 0; i < 10_000; i++) {
      long millis = now + random.nextLong(-5_000, 5_000);
      assertEquals(UtcTimeJsonProvider.RFC_3339_UTC.format(Instant.ofEpochMilli(millis)), provider.format(millis));
    }
  }
}
