package io.openreplay.backend.dynatrace;

import ch.qos.logback.core.spi.ContextAware;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the appender did not deliver, counted by cause, and told through logback's status: the first drop at once,
 * then at most one warning per interval, and what is left untold when the appender stops. Thread-safe.
 */
final class DroppedRecords {

  private final AtomicLong queueFull = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong undelivered = new AtomicLong();
  private final AtomicLong unsentAtStop = new AtomicLong();
  private final AtomicReference<String> lastCause = new AtomicReference<>("");
  private final long intervalNanos;
  private long told;
  private long lastToldNanos;
  private boolean toldOnce;

  /**
   * @param intervalMillis the least time between two warnings
   */
  DroppedRecords(long intervalMillis) {
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /** One record dropped because the queue was full. */
  void queueFull() {
    queueFull.incrementAndGet();
  }

  /**
   * Records Dynatrace refused (a 4xx answer other than 429), not sent again.
   *
   * @param count how many
   * @param cause the answer, one line
   */
  void rejected(int count, String cause) {
    rejected.addAndGet(count);
    lastCause.set(cause);
  }

  /**
   * Records given up after the retries, or whose retries the shutdown bound cut short.
   *
   * @param count how many
   * @param cause the last failure, one line
   */
  void undelivered(int count, String cause) {
    undelivered.addAndGet(count);
    lastCause.set(cause);
  }

  /**
   * Records still queued when the shutdown bound passed.
   *
   * @param count how many
   */
  void unsentAtStop(int count) {
    unsentAtStop.addAndGet(count);
  }

  /**
   * @return every record dropped so far, whatever the cause
   */
  long total() {
    return queueFull.get() + rejected.get() + undelivered.get() + unsentAtStop.get();
  }

  /**
   * Warns of the drops not told yet, when the interval since the last warning has passed (or none was given).
   *
   * @param status where to warn
   */
  synchronized void tellIfDue(ContextAware status) {
    long now = System.nanoTime();
    if (total() > told && (!toldOnce || now - lastToldNanos >= intervalNanos)) {
      tell(status);
      lastToldNanos = now;
      toldOnce = true;
    }
  }

  /**
   * Warns of the drops not told yet, now.
   *
   * @param status where to warn
   */
  synchronized void tellNow(ContextAware status) {
    if (total() > told) {
      tell(status);
    }
  }

  private void tell(ContextAware status) {
    long total = total();
    status.addWarn("Dynatrace: " + (total - told) + " log records dropped since the last report (" + total
        + " in all: queue full " + queueFull.get() + ", refused " + rejected.get() + ", undelivered "
        + undelivered.get() + ", unsent at stop " + unsentAtStop.get() + ")"
        + (lastCause.get().isEmpty() ? "" : "; last cause: " + lastCause.get()));
    told = total;
  }
}
