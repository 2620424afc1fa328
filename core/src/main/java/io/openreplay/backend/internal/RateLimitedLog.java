package io.openreplay.backend.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Writes at most one debug line per interval, so that a client sending bad headers on every request cannot
 * flood the logs. Lines dropped in between are counted and reported with the next line that is written.
 */
public final class RateLimitedLog {

  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();

  /**
   * @param logger where lines go, at debug level
   * @param interval the shortest time between two lines
   * @param unit the unit of {@code interval}
   */
  public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
    this.logger = logger;
    this.intervalNanos = unit.toNanos(interval);
    this.nextAllowedNanos = new AtomicLong(System.nanoTime());
  }

  /**
   * Writes the line at debug level unless one was written less than an interval ago.
   *
   * @param message an SLF4J message pattern with one placeholder
   * @param argument its argument
   */
  public void debug(String message, Object argument) {
    if (!logger.isDebugEnabled()) {
      return;
    }
    long now = System.nanoTime();
    long allowed = nextAllowedNanos.get();
    if (now - allowed < 0 || !nextAllowedNanos.compareAndSet(allowed, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long dropped = suppressed.getAndSet(0);
    if (dropped == 0) {
      logger.debug(message, argument);
    } else {
      logger.debug(message + " ({} similar lines suppressed)", argument, dropped);
    }
  }
}
