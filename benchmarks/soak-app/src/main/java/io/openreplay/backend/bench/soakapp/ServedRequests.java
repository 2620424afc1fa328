package io.openreplay.backend.bench.soakapp;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which request numbers the application has begun to serve, one bit each in a table allocated once (the first
 * {@value #CAPACITY} numbers, 2 MB), so that a request served a second time (a client that sends it again, a
 * container that runs it again) is counted instead of passing for more units of work.
 */
final class ServedRequests {

  /** How many request numbers are tracked. */
  static final int CAPACITY = 1 << 24;

  private static final AtomicLongArray BITS = new AtomicLongArray(CAPACITY / Long.SIZE);
  private static final LongAdder AGAIN = new LongAdder();

  private ServedRequests() {
  }

  /**
   * @param n the request's number
   * @return whether the number was not served before (numbers beyond the table always count as new)
   */
  static boolean firstTime(long n) {
    if (n < 0 || n >= CAPACITY) {
      return true;
    }
    int slot = (int) (n >>> 6);
    long bit = 1L << (n & 63);
    long before = BITS.getAndAccumulate(slot, bit, (old, add) -> old | add);
    if ((before & bit) != 0) {
      again();
      return false;
    }
    return true;
  }

  /** Counts a request that reached the application once more otherwise than as a new request. */
  static void again() {
    AGAIN.increment();
  }

  /**
   * @return how many times a number was served again
   */
  static long servedAgain() {
    return AGAIN.sum();
  }
}
