package io.openreplay.backend.bench.soakapp;

import java.util.concurrent.RecursiveTask;

/**
 * Splits a range in halves, forking one and computing the other, down to leaves that log a unit's event each. What
 * the thread that made it had current (see {@link Handover#capture()}) is taken when it is made.
 */
final class Leaves extends RecursiveTask<Integer> {

  private static final long serialVersionUID = 1L;

  private final transient Handover handover;
  private final transient Handover.Captured captured;
  private final transient Expectation expected;
  private final int from;
  private final int to;

  Leaves(Handover handover, Expectation expected, int from, int to) {
    this.handover = handover;
    this.captured = handover.capture();
    this.expected = expected;
    this.from = from;
    this.to = to;
  }

  @Override
  protected Integer compute() {
    try {
      return captured.call(this::split);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Integer split() {
    if (to - from == 1) {
      Units.log("fork-join leaf", expected);
      return 1;
    }
    int middle = (from + to) >>> 1;
    Leaves right = new Leaves(handover, expected, middle, to);
    right.fork();
    return new Leaves(handover, expected, from, middle).compute() + right.join();
  }
}
