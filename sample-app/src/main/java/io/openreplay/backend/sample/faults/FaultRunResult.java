package io.openreplay.backend.sample.faults;

import io.openreplay.backend.testkit.fault.Fault;
import java.time.Duration;
import java.util.Optional;

/**
 * What one run measured.
 *
 * @param provider the provider's name, or the names of the providers failing together
 * @param fault the fault, or {@code null} for the provider up
 * @param requests how many requests were measured
 * @param failed how many of them failed (no answer in time, or another status than the app's own)
 * @param p50 the median latency
 * @param p99 the 99th percentile latency
 * @param rssKiB the app's resident memory after the requests, in KiB (0 when not readable)
 * @param exitAfterSigterm the time from SIGTERM to the app's exit; empty when it had not exited within the wait
 *     and was killed
 */
record FaultRunResult(String provider, Fault fault, int requests, int failed, Duration p50, Duration p99,
    long rssKiB, Optional<Duration> exitAfterSigterm) {

  /**
   * @return the fault's name in the table, {@code up} for none
   */
  String faultLabel() {
    return fault == null ? "up" : switch (fault) {
      case REFUSED -> "refused";
      case NEVER_ANSWERS -> "never answers";
      case SLOW -> "10-s answers";
      case SERVER_ERROR -> "5xx";
      case THROTTLED -> "429";
    };
  }
}
