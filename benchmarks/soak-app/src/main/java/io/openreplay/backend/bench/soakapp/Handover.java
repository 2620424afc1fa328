package io.openreplay.backend.bench.soakapp;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * How the application hands its work to other threads. With the agent it does nothing of its own ({@link #PLAIN}:
 * the application as written, unaware of OpenReplay); with the library it does what the README tells a library user
 * to do ({@link LibraryHandover}).
 */
interface Handover {

  /** Runs work as it is. */
  Captured RUN_AS_IS = new Captured() {
    @Override
    public <T> T call(Callable<T> work) throws Exception {
      return work.call();
    }
  };

  /** The plain application: executors as they are, work run as it is. */
  Handover PLAIN = new Handover() {
    @Override
    public ExecutorService executor(ExecutorService executor) {
      return executor;
    }

    @Override
    public Captured capture() {
      return RUN_AS_IS;
    }
  };

  /**
   * @param executor one of the application's executors
   * @return the executor the application submits its work to
   */
  ExecutorService executor(ExecutorService executor);

  /**
   * Captures, on the calling thread, what a piece of work created now must run with later on another thread (a
   * fork-join task, which no executor wrapper reaches).
   *
   * @return how to run that work
   */
  Captured capture();

  /** Runs work with what was captured. */
  interface Captured {
    /**
     * @param work the work
     * @param <T> its result
     * @return its result
     * @throws Exception what the work throws
     */
    <T> T call(Callable<T> work) throws Exception;
  }
}
