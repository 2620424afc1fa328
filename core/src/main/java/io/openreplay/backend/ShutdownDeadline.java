package io.openreplay.backend;

import io.openreplay.backend.internal.Settings;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The one deadline that all of this project's bounded stops share while the JVM shuts down, so that their bounds do
 * not add up. Each bounded stop (the flush of a provider's appender or sender at exit) has a bound of its own;
 * logging libraries stop their appenders one after another, so with several providers that never answer, those
 * bounds would add up. Instead, the first bounded stop during the JVM's shutdown (SIGTERM, {@code System.exit}, the
 * last thread ending) starts this deadline, and every bounded stop from then on waits at most the smaller of its own
 * bound and the time left until it.
 *
 * <p>The budget is the system property {@value #PROPERTY} or, failing that, the environment variable
 * {@value #VARIABLE}: milliseconds, at least 0 (0: nothing waits at exit); default {@value #DEFAULT_BUDGET_MILLIS}.
 * A value that is not such a number is ignored. A stop outside the JVM's shutdown (logback reconfigured, a test
 * stopping its logging) keeps its own bound, as if this class did not exist.
 *
 * <pre>{@code
 * long flushMillis = ShutdownDeadline.ofProcess().waitMillis(flushTimeoutMillis);
 * }</pre>
 *
 * <p>Thread-safe; needs only the JDK.
 */
public final class ShutdownDeadline {

  /** The system property of the budget. */
  public static final String PROPERTY = "openreplay.shutdown.maxStopMillis";
  /** The environment variable of the budget. */
  public static final String VARIABLE = "OPENREPLAY_SHUTDOWN_MAX_STOP_MILLIS";
  /** The budget when none is configured: the most time all bounded stops take together at exit. */
  public static final long DEFAULT_BUDGET_MILLIS = 10_000;

  private static final ShutdownDeadline OF_PROCESS = new ShutdownDeadline(
      budgetMillisOf(Settings.read(PROPERTY, VARIABLE)), System::nanoTime, ShutdownDeadline::jvmShuttingDown);

  private final long budgetMillis;
  private final LongSupplier nanoClock;
  private final BooleanSupplier shuttingDown;
  private boolean started;
  private long deadlineNanos;

  /**
   * @param budgetMillis the most time all bounded stops take together once the shutdown has begun (at least 0)
   * @param nanoClock the clock, in nanoseconds ({@code System::nanoTime})
   * @param shuttingDown whether the JVM is shutting down now
   */
  ShutdownDeadline(long budgetMillis, LongSupplier nanoClock, BooleanSupplier shuttingDown) {
    if (budgetMillis < 0) {
      throw new IllegalArgumentException("budgetMillis must not be negative: " + budgetMillis);
    }
    this.budgetMillis = budgetMillis;
    this.nanoClock = nanoClock;
    this.shuttingDown = shuttingDown;
  }

  /**
   * The deadline of this JVM, its budget read once from the system property and environment.
   *
   * @return the deadline
   */
  public static ShutdownDeadline ofProcess() {
    return OF_PROCESS;
  }

  /**
   * The budget of a configuration value.
   *
   * @param value milliseconds; {@code null}, blank, not a number or negative for the default
   * @return the budget in milliseconds
   */
  static long budgetMillisOf(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_BUDGET_MILLIS;
    }
    try {
      long millis = Long.parseLong(value.trim());
      return millis >= 0 ? millis : DEFAULT_BUDGET_MILLIS;
    } catch (NumberFormatException e) {
      return DEFAULT_BUDGET_MILLIS;
    }
  }

  /**
   * @return the most time all bounded stops take together once the shutdown has begun, in milliseconds
   */
  public long budgetMillis() {
    return budgetMillis;
  }

  /**
   * How long a bounded stop that begins now may wait: its own bound outside the JVM's shutdown; during it, the
   * smaller of its own bound and the time left until the deadline, which the first such call starts.
   *
   * @param boundMillis the stop's own bound, in milliseconds (0 or less: it does not wait)
   * @return the longest the stop may wait, in milliseconds, between 0 and {@code boundMillis}
   */
  public long waitMillis(long boundMillis) {
    if (boundMillis <= 0) {
      return 0;
    }
    if (!shuttingDown.getAsBoolean()) {
      return boundMillis;
    }
    long now = nanoClock.getAsLong();
    long leftNanos;
    synchronized (this) {
      if (!started) {
        started = true;
        deadlineNanos = now + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
      }
      leftNanos = deadlineNanos - now;
    }
    return Math.min(boundMillis, Math.max(0, TimeUnit.NANOSECONDS.toMillis(leftNanos)));
  }

  /**
   * For a stop's warning: why it waited less than its own bound.
   *
   * @param boundMillis the stop's own bound, in milliseconds
   * @param waitMillis what {@link #waitMillis(long)} gave it
   * @return e.g. {@code " (not 5000 ms: what was left of the shutdown's 10000 ms, openreplay.shutdown.maxStopMillis)"},
   *     or an empty string when it was given its own bound
   */
  public String shortenedNote(long boundMillis, long waitMillis) {
    return waitMillis < boundMillis ? " (not " + boundMillis + " ms: what was left of the shutdown's " + budgetMillis
        + " ms, " + PROPERTY + ")" : "";
  }

  /**
   * Whether the JVM is running its shutdown hooks: it then refuses new ones.
   *
   * @return {@code true} during the shutdown
   */
  static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> { }, "openreplay-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    } catch (SecurityException e) {
      return false;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    }
    return false;
  }
}
