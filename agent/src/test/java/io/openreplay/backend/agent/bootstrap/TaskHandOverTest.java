package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks keep the token they were handed over with, by identity, until a thread runs them; the running thread gets
 * back exactly what it had. The advice calls these methods around the JDK's own {@code execute}, {@code fork()},
 * {@code getTask()} and {@code doExec()}; the forked-JVM tests of agent-it run them inside real pools.
 */
class TaskHandOverTest {

  private static final SessionToken A = SessionToken.parseOrNull("aaa.1.2.sig");
  private static final SessionToken B = SessionToken.parseOrNull("bbb.1.2.sig");

  @AfterEach
  void nothingWaits() {
    assertEquals(0, TaskHandOver.waiting(), "every task handed over in a test was run, withdrawn or forgotten");
    assertNull(CurrentToken.get());
  }

  /** A task that, like some application tasks, claims to equal every other task of its class. */
  static final class AlikeTask implements Runnable {
    @Override
    public void run() {
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

  private static void handOverWith(SessionToken token, Object task) {
    TokenScope request = TokenScope.attach(token);
    try {
      TaskHandOver.handingOver(task);
    } finally {
      request.close();
    }
  }

  /** The token a run of {@code task} sees, on a thread that had {@code own}; checks that {@code own} comes back. */
  private static SessionToken seenByRun(Object task, SessionToken own) {
    TokenScope thread = TokenScope.attach(own);
    try {
      TokenScope running = TaskHandOver.running(task);
      SessionToken seen = CurrentToken.get();
      if (running != null) {
        running.close();
      }
      assertSame(own, CurrentToken.get(), "the thread gets back what it had");
      return seen;
    } finally {
      thread.close();
    }
  }

  @Test
  void aTaskHandedOverWithoutATokenIsNotRemembered() {
    AlikeTask task = new AlikeTask();
    TaskHandOver.handingOver(task);
    assertEquals(0, TaskHandOver.waiting());
    assertNull(TaskHandOver.running(task), "nothing to attach");
  }

  @Test
  void eachTaskRunsWithItsOwnTokenEvenWhenTasksClaimToBeEqual() {
    AlikeTask first = new AlikeTask();
    AlikeTask second = new AlikeTask();
    AlikeTask neverHandedOver = new AlikeTask();
    handOverWith(A, first);
    handOverWith(B, second);
    assertEquals(2, TaskHandOver.waiting());

    assertNull(TaskHandOver.running(neverHandedOver), "an equal task handed over by nobody gets nothing");
    assertSame(B, seenByRun(second, null));
    assertSame(A, seenByRun(first, null));
    assertNull(TaskHandOver.running(first), "a token is attached for one run");
  }

  @Test
  void aThreadThatHelpsWithAnotherRequestsTaskGetsItsOwnTokenBack() {
    AlikeTask other = new AlikeTask();
    handOverWith(B, other);
    assertSame(B, seenByRun(other, A));
  }

  @Test
  void aTaskHandedOverSeveralTimesWithOneSessionRunsWithItEachTime() {
    Runnable shared = new AlikeTask();
    handOverWith(A, shared);
    handOverWith(SessionToken.parseOrNull("aaa.1.2.sig"), shared);
    handOverWith(A, shared);
    assertEquals(1, TaskHandOver.waiting(), "one task object");
    for (int run = 0; run < 3; run++) {
      assertSame(A, seenByRun(shared, null), "run " + run);
    }
    assertNull(TaskHandOver.running(shared), "three hand-overs, three runs");
  }

  @Test
  void runsOfATaskHandedOverForDifferentSessionsGetNoTokenRatherThanAWrongOne() {
    Runnable shared = new AlikeTask();
    handOverWith(A, shared);
    handOverWith(B, shared);
    assertNull(seenByRun(shared, null));
    assertNull(seenByRun(shared, A), "not even the thread's own token: the run is for one of the hand-overs");
    assertNull(TaskHandOver.running(shared), "both runs are over");

    handOverWith(A, shared);
    assertSame(A, seenByRun(shared, null), "once all runs are over, the next hand-over stands alone");
  }

  @Test
  void aHandOverWithoutATokenOfATaskThatWaitsMakesItsRunsTokenless() {
    Runnable shared = new AlikeTask();
    handOverWith(A, shared);
    handOverWith(null, shared);
    assertNull(seenByRun(shared, null));
    assertNull(seenByRun(shared, null));
    assertNull(TaskHandOver.running(shared));
  }

  @Test
  void aWithdrawnHandOverIsNotRunAndNotLeftBehind() {
    Runnable rejected = new AlikeTask();
    handOverWith(A, rejected);
    TaskHandOver.withdrawn(rejected);
    assertEquals(0, TaskHandOver.waiting());
    handOverWith(null, rejected);
    assertNull(TaskHandOver.running(rejected), "a later hand-over without a token gets none");

    Runnable twice = new AlikeTask();
    handOverWith(A, twice);
    handOverWith(A, twice);
    TaskHandOver.withdrawn(twice);
    assertSame(A, seenByRun(twice, null), "the other hand-over still runs with its token");
    TaskHandOver.withdrawn(twice);
    TaskHandOver.withdrawn(null);
  }

  @Test
  void aReinitializedTaskForgetsATokenItNeverRanWith() {
    AlikeTask cancelled = new AlikeTask();
    handOverWith(A, cancelled);
    handOverWith(A, cancelled);
    TaskHandOver.forgetting(cancelled);
    assertNull(TaskHandOver.running(cancelled));
  }

  @Test
  void nullTasksAreIgnored() {
    TokenScope request = TokenScope.attach(A);
    TaskHandOver.handingOver(null);
    request.close();
    assertNull(TaskHandOver.running(null));
    TaskHandOver.forgetting(null);
    Runnable task = new AlikeTask();
    handOverWith(A, task);
    TokenScope running = TaskHandOver.running(task);
    assertNotNull(running);
    running.close();
  }
}
