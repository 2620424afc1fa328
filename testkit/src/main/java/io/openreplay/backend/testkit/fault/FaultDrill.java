package io.openreplay.backend.testkit.fault;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * What a provider's fault test does with its README configuration pointed at a {@link FaultyEndpoint}: a burst of
 * ERROR records during one request, then logback's stop (what the application's exit does), which must end within
 * the bound. For {@link Fault#NEVER_ANSWERS} it first waits until the library did connect, so that the stop meets a
 * request in flight.
 */
public final class FaultDrill {

  /** The bound on an application's exit after SIGTERM. */
  public static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  private FaultDrill() {
  }

  /**
   * @param endpoint the failing provider the configuration points at
   * @param logback the configuration, started
   * @param token the request's token
   * @param count how many ERROR records
   * @param withException whether each carries an exception
   * @param afterStop what else the application's exit stops after logback (Sentry's shutdown hook: {@code
   *     Sentry::close}), or {@code null}
   * @return how long the stop took
   * @throws TimeoutException when the stop is still running after {@link #EXIT_BOUND}
   * @throws IllegalStateException when a library that should have connected to a never-answering endpoint did not
   *     within 10 s
   * @throws InterruptedException when interrupted
   */
  public static Duration burstThenStop(FaultyEndpoint endpoint, XmlLogback logback, SessionToken token, int count,
      boolean withException, Runnable afterStop) throws TimeoutException, InterruptedException {
    ErrorBurst.log(logback.logger("shop.Checkout"), token, count, withException);
    if (endpoint.fault() == Fault.NEVER_ANSWERS && !endpoint.awaitAttempts(1, Duration.ofSeconds(10))) {
      throw new IllegalStateException("nothing connected to the never-answering endpoint " + endpoint.baseUrl());
    }
    return StopDeadline.run("logback with the provider " + endpoint.fault(), () -> {
      logback.close();
      if (afterStop != null) {
        afterStop.run();
      }
    }, EXIT_BOUND);
  }
}
