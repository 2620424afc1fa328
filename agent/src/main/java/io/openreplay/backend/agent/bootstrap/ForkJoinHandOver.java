package io.openreplay.backend.agent.bootstrap;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;

/**
 * A fork-join task forked or submitted as such ({@code fork()}, {@code ForkJoinPool.submit/execute/invoke} of a
 * {@code RecursiveTask}, a parallel stream's subtasks) runs with the token that was current when it was handed over.
 *
 * <p>A fork-join task cannot be wrapped (the pool and the caller keep the very object, and {@code join()} must find
 * it), and the JDK's classes cannot get a new field, so the token waits here, keyed by the task's identity and held
 * weakly (a task may override {@code equals}/{@code hashCode}; one never executed, for instance cancelled, is
 * forgotten once collected). The worker that executes the task takes the token out and attaches it around the
 * task's body, then restores what the worker had before. Nothing is stored while no token is current, and a task
 * executed with nothing waiting here costs one look-up without any lock.
 */
public final class ForkJoinHandOver {

  private static final ConcurrentHashMap<Object, OpenReplayToken> WAITING = new ConcurrentHashMap<>();
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

  private ForkJoinHandOver() {
  }

  /**
   * Called as {@code task} is forked or submitted: remembers the current token for it, if there is one.
   *
   * @param task the task handed over, possibly {@code null}
   */
  public static void handingOver(ForkJoinTask<?> task) {
    OpenReplayToken token = CurrentToken.get();
    if (token == null || task == null) {
      return;
    }
    forgetCollected();
    WAITING.put(new TaskKey(task, COLLECTED), token);
  }

  /**
   * Called as a thread begins executing {@code task}: attaches the token remembered for it.
   *
   * @param task the task about to run
   * @return the scope to close when the task's body ends, or {@code null} when no token waits for this task (the
   *     thread then keeps what it has)
   */
  public static TokenScope executing(ForkJoinTask<?> task) {
    OpenReplayToken token = take(task);
    return token == null ? null : TokenScope.attach(token);
  }

  /**
   * Called as {@code task} is reinitialized, to be forked again later: the token remembered for an earlier
   * hand-over that never ran must not reach the next run.
   *
   * @param task the task being reinitialized
   */
  public static void reinitializing(ForkJoinTask<?> task) {
    take(task);
  }

  /**
   * How many tasks wait with a token, for tests.
   *
   * @return the number of tasks handed over with a token and neither executed nor collected yet
   */
  static int waiting() {
    forgetCollected();
    return WAITING.size();
  }

  private static OpenReplayToken take(ForkJoinTask<?> task) {
    if (task == null || WAITING.isEmpty()) {
      return null;
    }
    Lookup lookup = new Lookup(task);
    // A look-up takes no lock; a removal locks the key's bin, so it is made only for a task that has a token.
    if (!WAITING.containsKey(lookup)) {
      return null;
    }
    return WAITING.remove(lookup);
  }

  private static void forgetCollected() {
    Reference<?> collected;
    while ((collected = COLLECTED.poll()) != null) {
      WAITING.remove(collected);
    }
  }

  /** The key a task waits under: its identity, held weakly. */
  private static final class TaskKey extends WeakReference<Object> {
    private final int hash;

    TaskKey(Object task, ReferenceQueue<Object> queue) {
      super(task, queue);
      this.hash = System.identityHashCode(task);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object task = get();
      if (task == null) {
        return false;
      }
      if (other instanceof Lookup) {
        return ((Lookup) other).task == task;
      }
      return other instanceof TaskKey && ((TaskKey) other).get() == task;
    }
  }

  /** A task looked up by identity, without allocating a weak reference. */
  private static final class Lookup {
    private final Object task;
    private final int hash;

    Lookup(Object task) {
      this.task = task;
      this.hash = System.identityHashCode(task);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (other instanceof TaskKey) {
        return ((TaskKey) other).get() == task;
      }
      return other instanceof Lookup && ((Lookup) other).task == task;
    }
  }
}
