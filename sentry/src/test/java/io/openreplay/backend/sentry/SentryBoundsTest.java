package io.openreplay.backend.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentry.SentryOptions;
import org.junit.jupiter.api.Test;

class SentryBoundsTest {

  @Test
  void configureBoundsEveryWaitLeftAtSentrysDefault() {
    SentryOptions options = OpenReplaySentry.configure(new SentryOptions());
    assertEquals(5000, options.getConnectionTimeoutMillis());
    assertEquals(10000, options.getReadTimeoutMillis());
    assertEquals(2000, options.getShutdownTimeoutMillis());
    assertEquals(2000, options.getFlushTimeoutMillis());
    assertEquals(1000, options.getMaxQueueSize());
  }

  @Test
  void valuesTheUserSetAreKept() {
    SentryOptions options = new SentryOptions();
    options.setReadTimeoutMillis(3000);
    options.setFlushTimeoutMillis(500);
    options.setMaxQueueSize(5000);
    OpenReplaySentry.configure(options);
    assertEquals(3000, options.getReadTimeoutMillis());
    assertEquals(500, options.getFlushTimeoutMillis());
    assertEquals(5000, options.getMaxQueueSize());
    assertEquals(5000, options.getConnectionTimeoutMillis(), "the others are still bounded");
  }
}
