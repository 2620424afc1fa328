package io.openreplay.backend.sentry;

import io.sentry.SentryOptions;
import java.util.Objects;

/**
 * The bounds this project recommends for Sentry, so that a Sentry that is down, slow or throttling costs the
 * application nothing and its exit takes seconds: 5 s to connect, 10 s for an answer, 2 s to flush and 2 s to close
 * the transport at shutdown, and 1,000 events waiting (Sentry's default, 30, drops most of a burst of errors).
 * Sentry's own defaults are 30 s, 30 s, 2 s, 15 s and 30.
 */
public final class SentryBounds {

  /** How long a connection to Sentry is awaited. */
  public static final int CONNECTION_TIMEOUT_MILLIS = 5000;
  /** How long Sentry's answer is awaited. */
  public static final int READ_TIMEOUT_MILLIS = 10000;
  /** At shutdown, the most time spent flushing the events queued. */
  public static final long SHUTDOWN_TIMEOUT_MILLIS = 2000;
  /** At shutdown, the most time the transport waits for its sends in flight. */
  public static final long FLUSH_TIMEOUT_MILLIS = 2000;
  /** Events waiting to be sent; past that, events are dropped. */
  public static final int MAX_QUEUE_SIZE = 1000;

  private SentryBounds() {
  }

  /**
   * Sets each bound whose option still has Sentry's default value; a value set before is kept.
   *
   * @param options the options being initialised
   * @return {@code options}
   */
  public static SentryOptions applyWhereDefault(SentryOptions options) {
    Objects.requireNonNull(options, "options");
    SentryOptions defaults = new SentryOptions();
    if (options.getConnectionTimeoutMillis() == defaults.getConnectionTimeoutMillis()) {
      options.setConnectionTimeoutMillis(CONNECTION_TIMEOUT_MILLIS);
    }
    if (options.getReadTimeoutMillis() == defaults.getReadTimeoutMillis()) {
      options.setReadTimeoutMillis(READ_TIMEOUT_MILLIS);
    }
    if (options.getShutdownTimeoutMillis() == defaults.getShutdownTimeoutMillis()) {
      options.setShutdownTimeoutMillis(SHUTDOWN_TIMEOUT_MILLIS);
    }
    if (options.getFlushTimeoutMillis() == defaults.getFlushTimeoutMillis()) {
      options.setFlushTimeoutMillis(FLUSH_TIMEOUT_MILLIS);
    }
    if (options.getMaxQueueSize() == defaults.getMaxQueueSize()) {
      options.setMaxQueueSize(MAX_QUEUE_SIZE);
    }
    return options;
  }
}
