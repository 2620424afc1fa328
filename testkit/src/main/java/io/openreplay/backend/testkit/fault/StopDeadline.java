package io.openreplay.backend.testkit.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs a stop (a logback context's, an appender's, a client's {@code close}) on a daemon thread of its own and waits
 * for it at most a deadline, so that a stop that hangs on a provider fails a test instead of hanging it.
 *
 * <pre>{@code
 * Duration took = StopDeadline.run("logback", logback::close, Duration.ofSeconds(15));
 * }</pre>
 */
public final class StopDeadline {

  private StopDeadline() {
  }

  /**
   * @param what what is stopped, for the message
   * @param stop the stop
   * @param deadline the longest wait
   * @return how long the stop took
   * @throws TimeoutException when it is still running at the deadline; the message has the stopping thread's stack
   *     (the thread is left running, a daemon)
   * @throws IllegalStateException when the stop threw
   * @throws InterruptedException when interrupted while waiting
   */
  public static Duration run(String what, Runnable stop, Duration deadline)
      throws TimeoutException, InterruptedException {
    Objects.requireNonNull(stop, "stop");
    Throwable[] failure = new Throwable[1];
    Thread stopping = new Thread(() -> {
      try {
        stop.run();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "stop-" + what);
    stopping.setDaemon(true);
    long start = System.nanoTime();
    stopping.start();
    stopping.join(Math.max(1, deadline.toMillis()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (stopping.isAlive()) {
      String stack = Arrays.stream(stopping.getStackTrace()).limit(25).map(frame -> "\n\tat " + frame)
          .collect(Collectors.joining());
      throw new TimeoutException(what + " still stopping after " + deadline.toSeconds() + " s:" + stack);
    }
    if (failure[0] != null) {
      throw new IllegalStateException(what + " failed to stop", failure[0]);
    }
    return took;
  }
}
