package io.openreplay.backend.it.scenario;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An application's own thread, started with the application, that runs the errands it is given one after the
 * other: a hand-off of the application's own making, which the agent does not know. What it submits to an executor
 * is submitted by a thread that serves no request.
 */
final class Courier {

  private static final long WAIT_SECONDS = 20;

  private final BlockingQueue<Runnable> errands = new LinkedBlockingQueue<>();

  /** Starts the courier's thread, a daemon named {@code scenario-courier}. */
  Courier() {
    Thread thread = new Thread(this::serve, "scenario-courier");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code errand} on the courier's thread and waits until it is done.
   *
   * @param errand what to do there
   * @throws InterruptedException when interrupted while waiting
   * @throws TimeoutException when the errand is not done within 20 seconds
   */
  void runThere(Runnable errand) throws InterruptedException, TimeoutException {
    CountDownLatch done = new CountDownLatch(1);
    errands.add(() -> {
      try {
        errand.run();
      } finally {
        done.countDown();
      }
    });
    if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new TimeoutException("the courier did not run its errand");
    }
  }

  private void serve() {
    while (true) {
      Runnable errand;
      try {
        errand = errands.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        errand.run();
      } catch (RuntimeException e) {
        Scenarios.log().warn("courier errand failed", e);
      }
    }
  }
}
