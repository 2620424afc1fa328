package io.openreplay.backend.rollbar;

/**
 * The bounds of a {@link BoundedRollbarSender}: how long a connection and an answer are awaited, how many items may
 * wait, and how long closing may take to send what waits.
 *
 * @param connectTimeoutMillis how long a connection to Rollbar is awaited (at least 1)
 * @param readTimeoutMillis how long Rollbar's answer is awaited (at least 1)
 * @param flushTimeoutMillis when the sender is closed with waiting (rollbar-logback's appender stopping), the most
 *     time spent sending what waits (during the JVM's shutdown, less when the
 *     {@link io.openreplay.backend.ShutdownDeadline} is nearer); what is left then is dropped (0: nothing is sent
 *     at close)
 * @param queueSize how many items may wait to be sent; an item past that is dropped (at least 1)
 */
public record RollbarSenderSettings(int connectTimeoutMillis, int readTimeoutMillis, long flushTimeoutMillis,
    int queueSize) {

  /** 5 s to connect, 10 s for an answer, 5 s for the flush at close, 10,000 items waiting. */
  public static final RollbarSenderSettings DEFAULTS = new RollbarSenderSettings(5000, 10000, 5000, 10000);

  /**
   * For a config provider: the bounds of the {@link OpenReplayRollbarAppender} being started on this thread.
   *
   * @return those bounds, or {@link #DEFAULTS} when no such appender is starting (for instance under
   *     rollbar-logback's own appender, or rollbar-log4j2's)
   */
  public static RollbarSenderSettings ofStartingAppender() {
    StartingRollbarAppender starting = StartingRollbarAppender.onThisThread();
    return starting != null ? starting.settings() : DEFAULTS;
  }

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException when a timeout or the queue size is below its minimum
   */
  public RollbarSenderSettings {
    if (connectTimeoutMillis < 1 || readTimeoutMillis < 1) {
      throw new IllegalArgumentException("timeouts must be at least 1 ms: connect " + connectTimeoutMillis
          + ", read " + readTimeoutMillis);
    }
    if (flushTimeoutMillis < 0) {
      throw new IllegalArgumentException("flushTimeoutMillis must not be negative: " + flushTimeoutMillis);
    }
    if (queueSize < 1) {
      throw new IllegalArgumentException("queueSize must be at least 1: " + queueSize);
    }
  }
}
