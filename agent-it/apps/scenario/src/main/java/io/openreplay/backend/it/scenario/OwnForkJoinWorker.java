package io.openreplay.backend.it.scenario;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * An application's own fork-join worker, as some applications write one: named after the app, and its
 * {@code run()} sets the thread up before it runs the pool's loop. Being an application thread class that overrides
 * {@code run()}, it gets the agent's {@code Thread.run()} advice; a worker must still never inherit the token of the
 * request during which the pool happened to start it.
 */
public final class OwnForkJoinWorker extends ForkJoinWorkerThread {

  /** The prefix of these workers' names. */
  public static final String NAME_PREFIX = "scenario-fork-join-";

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  /**
   * @param pool the pool the worker works for
   */
  public OwnForkJoinWorker(ForkJoinPool pool) {
    super(pool);
    setName(NAME_PREFIX + NUMBERS.incrementAndGet());
  }

  @Override
  public void run() {
    setUncaughtExceptionHandler((thread, failure) ->
        LoggerFactory.getLogger(OwnForkJoinWorker.class).error("fork-join worker {} failed", thread.getName(), failure));
    super.run();
  }
}
