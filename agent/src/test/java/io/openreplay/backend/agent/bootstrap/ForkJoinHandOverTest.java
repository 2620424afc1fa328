package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.RecursiveAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fork-join tasks keep the token they were handed over with, by identity, until a thread executes them; the
 * executing thread gets back exactly what it had. The advice calls these methods around the JDK's own
 * {@code fork()} and {@code doExec()}; the forked-JVM tests of agent-it run them inside real pools.
 */
class ForkJoinHandOverTest {

  private static final OpenReplayToken A = OpenReplayToken.parse("aaa.1.2.sig");
  private static final OpenReplayToken B = OpenReplayToken.parse("bbb.1.2.sig");

  @AfterEach
  void nothingWaits() {
    assertEquals(0, ForkJoinHandOver.waiting(), "every task handed over in a test was executed or forgotten");
    assertNull(CurrentToken.get());
  }

  /** A task that, like some application tasks, claims to equal every other task of its class. */
  static final class AlikeTask extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    @Override
    protected void compute() {
      // an application's work
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof AlikeTask;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void aTaskHandedOverWithoutATokenIsNotRemembered() {
    AlikeTask task = new AlikeTask();
    ForkJoinHandOver.handingOver(task);
    assertEquals(0, ForkJoinHandOver.waiting());
    assertNull(ForkJoinHandOver.executing(task), "nothing to attach");
  }

  @Test
  void eachTaskRunsWithItsOwnTokenEvenWhenTasksClaimToBeEqual() {
    AlikeTask first = new AlikeTask();
    AlikeTask second = new AlikeTask();
    AlikeTask neverHandedOver = new AlikeTask();
    TokenScope request = TokenScope.attach(A);
    ForkJoinHandOver.handingOver(first);
    request.close();
    request = TokenScope.attach(B);
    ForkJoinHandOver.handingOver(second);
    request.close();
    assertEquals(2, ForkJoinHandOver.waiting());

    assertNull(ForkJoinHandOver.executing(neverHandedOver), "an equal task handed over by nobody gets nothing");
    TokenScope running = ForkJoinHandOver.executing(second);
    assertSame(B, CurrentToken.get());
    running.close();
    assertNull(CurrentToken.get(), "the worker is back to no token");
    running = ForkJoinHandOver.executing(first);
    assertSame(A, CurrentToken.get());
    running.close();
    assertNull(ForkJoinHandOver.executing(first), "a token is attached for one execution");
  }

  @Test
  void aThreadThatHelpsWithAnotherRequestsTaskGetsItsOwnTokenBack() {
    AlikeTask other = new AlikeTask();
    TokenScope submitter = TokenScope.attach(B);
    ForkJoinHandOver.handingOver(other);
    submitter.close();

    TokenScope own = TokenScope.attach(A);
    TokenScope helping = ForkJoinHandOver.executing(other);
    assertSame(B, CurrentToken.get());
    helping.close();
    assertSame(A, CurrentToken.get());
    own.close();
  }

  @Test
  void aReinitializedTaskForgetsATokenItNeverRanWith() {
    AlikeTask cancelled = new AlikeTask();
    TokenScope request = TokenScope.attach(A);
    ForkJoinHandOver.handingOver(cancelled);
    request.close();
    ForkJoinHandOver.reinitializing(cancelled);
    assertNull(ForkJoinHandOver.executing(cancelled));
  }
}
