package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pool worker's loop as the advice on {@code Worker.run()} and {@code getTask()} sees it, on a real thread of its
 * own: each task runs with the token it was handed over with, and a task without one runs with none, whatever
 * the worker's previous task had.
 */
class WorkerTaskScopeTest {

  private static final SessionToken A = SessionToken.parseOrNull("aaa.1.2.sig");
  private static final SessionToken B = SessionToken.parseOrNull("bbb.1.2.sig");

  /** A task that records the token current while it runs. */
  private static final class Recording implements Runnable {
    private final List<SessionToken> seen;

    Recording(List<SessionToken> seen) {
      this.seen = seen;
    }

    @Override
    public void run() {
      seen.add(CurrentToken.get());
    }
  }

  /** What ThreadPoolExecutor's worker does, with the advice's calls where the advice makes them. */
  private static final class Worker implements Runnable {
    private final Runnable firstTask;
    private final BlockingQueue<Runnable> queue;
    private final List<SessionToken> after = new ArrayList<>();

    Worker(Runnable firstTask, BlockingQueue<Runnable> queue) {
      this.firstTask = firstTask;
      this.queue = queue;
    }

    @Override
    public void run() {
      WorkerTaskScope.taskTaken(firstTask);
      try {
        Runnable task = firstTask;
        while (task != null || (task = getTask()) != null) {
          task.run();
          task = null;
        }
      } finally {
        WorkerTaskScope.taskDone();
      }
      after.add(CurrentToken.get());
    }

    private Runnable getTask() {
      WorkerTaskScope.taskDone();
      after.add(CurrentToken.get());
      Runnable next = null;
      try {
        next = queue.poll(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runnable task = next instanceof Stop ? null : next;
      WorkerTaskScope.taskTaken(task);
      return task;
    }
  }

  /** The end of the queue. */
  private static final class Stop implements Runnable {
    @Override
    public void run() {
      // never run
    }
  }

  private static void handOverWith(SessionToken token, Runnable task) {
    TokenScope request = TokenScope.attach(token);
    try {
      TaskHandOver.handingOver(task);
    } finally {
      request.close();
    }
  }

  @Test
  void eachTaskRunsWithItsOwnTokenAndNoneLeaksToTheNext() throws Exception {
    List<SessionToken> seen = new ArrayList<>();
    Runnable first = new Recording(seen);
    Runnable second = new Recording(seen);
    Runnable withoutToken = new Recording(seen);
    Runnable third = new Recording(seen);
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    handOverWith(A, first);
    handOverWith(B, second);
    handOverWith(null, withoutToken);
    handOverWith(A, third);
    queue.addAll(List.of(second, withoutToken, third, new Stop()));
    Worker worker = new Worker(first, queue);
    Thread thread = new Thread(worker, "worker-task-scope-test");
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(20));

    assertEquals(4, seen.size(), () -> "runs: " + seen);
    assertSame(A, seen.get(0), "first task");
    assertSame(B, seen.get(1), "second task");
    assertNull(seen.get(2), "a task handed over without a token runs with none after one that had one");
    assertSame(A, seen.get(3), "third task");
    worker.after.forEach(token -> assertNull(token, "nothing remains while the worker waits or after it ends"));
    assertEquals(5, worker.after.size());
    assertEquals(0, TaskHandOver.waiting());
  }

  @Test
  void taskDoneWithoutATaskChangesNothing() {
    TokenScope own = TokenScope.attach(A);
    WorkerTaskScope.taskDone();
    WorkerTaskScope.taskTaken(null);
    WorkerTaskScope.taskDone();
    assertSame(A, CurrentToken.get());
    own.close();
    assertNull(CurrentToken.get());
  }
}
