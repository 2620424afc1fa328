package io.openreplay.backend.bench.soakapp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The units of work a request does, each logging one ERROR event {@code soak UNIT expects token T and session id S}
 * on the thread it runs on, which {@link TokenCheckAppender} checks: the application's executor, a fork-join task on
 * the application's own pool or the common pool, whose subtasks are forked down to {@value #LEAVES} leaves.
 */
final class Units {

  /** How many arguments a unit's event has: the unit, the expected token, the expected session id. */
  static final int ARGUMENTS = 3;
  /** The workers of the application's fork-join pool. */
  static final int FORK_JOIN_WORKERS = 2;
  /** How many leaves a fork-join task logs for. */
  static final int LEAVES = 4;
  /** The logger of the units' events, the only one the checking appender is on. */
  static final String LOGGER = "soak.units";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final long WAIT_SECONDS = 60;

  private final Handover handover;
  private final ExecutorService pool;
  /**
   * The application's fork-join pool: two workers, and no spare ones (a worker that waits in {@code join()} for a
   * subtask another one runs just waits), so that its thread count is the same at every checkpoint.
   */
  private final ForkJoinPool forkJoinPool = new ForkJoinPool(FORK_JOIN_WORKERS,
      ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false, FORK_JOIN_WORKERS, FORK_JOIN_WORKERS, 1,
      pool -> true, 60, TimeUnit.SECONDS);

  /**
   * @param handover how work reaches other threads
   */
  Units(Handover handover) {
    this.handover = handover;
    this.pool = handover.executor(Executors.newFixedThreadPool(4));
  }

  /**
   * Logs the unit's event on this thread.
   *
   * @param unit what the unit is (its name in the event starts with the expectation's origin)
   * @param expected what its request sent
   */
  static void log(String unit, Expectation expected) {
    LOG.error("soak {} expects token {} and session id {}", expected.origin() + unit, expected.token(),
        expected.sessionId());
  }

  /**
   * Work outside any request, as the application's scheduler does it every few milliseconds while requests run: a
   * unit on the scheduler's thread, a task on the application's executor and recursive tasks on its fork-join pool
   * and on the common pool, all on the threads that serve requests' work too, and all with no token. A failure is
   * logged as a warning.
   */
  void outsideRequests() {
    Expectation expected = Expectation.OUTSIDE_REQUESTS;
    try {
      log("work", expected);
      onExecutor(expected);
      forkJoin(expected, false);
      forkJoin(expected, true);
    } catch (Exception e) {
      LoggerFactory.getLogger(Units.class).warn("work outside requests failed", e);
    }
  }

  /**
   * @return the executor the application hands its work to
   */
  ExecutorService pool() {
    return pool;
  }

  /**
   * A task on the application's executor, waited for.
   *
   * @param expected what the request sent
   * @throws Exception when the task fails or does not end in time
   */
  void onExecutor(Expectation expected) throws Exception {
    pool.submit(() -> log("executor", expected)).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * A recursive task on the application's own fork-join pool, or on the common pool, waited for.
   *
   * @param expected what the request sent
   * @param common whether on the common pool
   * @throws Exception when the task fails or does not end in time
   */
  void forkJoin(Expectation expected, boolean common) throws Exception {
    ForkJoinPool target = common ? ForkJoinPool.commonPool() : forkJoinPool;
    int leaves = target.submit(new Leaves(handover, expected, 0, LEAVES)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (leaves != LEAVES) {
      throw new IllegalStateException(leaves + " leaves instead of " + LEAVES);
    }
  }
}
