package io.openreplay.backend.testkit.fault;

import java.time.Duration;

/**
 * How a provider fails, for {@link FaultyEndpoint}.
 *
 * <ul>
 *   <li>{@link #REFUSED}: nothing listens on the port; every connection is refused.</li>
 *   <li>{@link #NEVER_ANSWERS}: connections are accepted and the request is never answered (the socket stays open
 *       until the endpoint is closed).</li>
 *   <li>{@link #SLOW}: every request is answered with the endpoint's success answer, {@link #SLOW_DELAY} late.</li>
 *   <li>{@link #SERVER_ERROR}: every request is answered at once with 503 Service Unavailable.</li>
 *   <li>{@link #THROTTLED}: every request is answered at once with 429 Too Many Requests and {@code Retry-After: 1}.</li>
 * </ul>
 */
public enum Fault {
  REFUSED,
  NEVER_ANSWERS,
  SLOW,
  SERVER_ERROR,
  THROTTLED;

  /** How late {@link #SLOW} answers: the "10-second responses". */
  public static final Duration SLOW_DELAY = Duration.ofSeconds(10);

  /**
   * @return the HTTP status this fault answers with, or 0 when it answers none ({@link #REFUSED},
   *     {@link #NEVER_ANSWERS}) or answers the endpoint's success status ({@link #SLOW})
   */
  public int httpStatus() {
    return switch (this) {
      case SERVER_ERROR -> 503;
      case THROTTLED -> 429;
      default -> 0;
    };
  }
}
