package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A task handed to another thread runs with the token that was current when it was handed over, and the task is
 * never replaced: the token waits here, beside the task, until a thread runs it.
 *
 * <p>The JDK's executors keep the very task objects they are given (a {@code ThreadPoolExecutor}'s queue, which the
 * application may inspect with {@code getQueue()}, empty with {@code shutdownNow()} or edit with
 * {@code remove(task)}; a fork-join task that the caller joins), and the JDK's classes cannot get a new field, so the
 * token is kept in this one store: keyed by the task's identity (a task may override {@code equals}/{@code hashCode}),
 * held weakly (a task that never runs, for instance one the application removed from a queue, is forgotten once
 * collected). Nothing is stored while no token is current, and a task run with nothing waiting here costs one
 * look-up without any lock.
 *
 * <p>The same task object may be handed over again before it ran (an application that executes one shared
 * {@code Runnable} repeatedly): each hand-over waits for one run. While all of them carry the same session, each run
 * gets it; once they disagree (another session, or a hand-over without any), the runs of that task object get no
 * token until all of them have run, since which run belongs to which hand-over cannot be known. A wrong token is
 * worse than none: it would link an error to another user's session.
 */
public final class TaskHandOver {

  private static final ConcurrentHashMap<Object, Waiting> WAITING = new ConcurrentHashMap<>();
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
  private static final BiFunction<Object, Waiting, Waiting> ONE_LESS = new OneLess();

  private TaskHandOver() {
  }

  /**
   * Called as {@code task} is handed to another thread (submitted, queued, forked): remembers the current token
   * for one run of it. Without a current token nothing is stored, unless earlier hand-overs of the same task object
   * wait: then its runs can no longer tell which of them has a token.
   *
   * @param task the task handed over, possibly {@code null}
   */
  public static void handingOver(Object task) {
    if (task == null) {
      return;
    }
    SessionToken token = CurrentToken.get();
    if (token == null) {
      if (!WAITING.isEmpty()) {
        Lookup lookup = new Lookup(task);
        if (WAITING.containsKey(lookup)) {
          WAITING.computeIfPresent(lookup, new OneMore(null));
        }
      }
      return;
    }
    forgetCollected();
    WAITING.compute(new TaskKey(task, COLLECTED), new OneMore(token));
  }

  /**
   * Called as a thread begins running {@code task}: attaches the token remembered for this run.
   *
   * @param task the task about to run, possibly {@code null}
   * @return the scope to close when the task ends, or {@code null} when no hand-over of this task waits (the
   *     thread then keeps what it has)
   */
  public static TokenScope running(Object task) {
    if (task == null || WAITING.isEmpty()) {
      return null;
    }
    Lookup lookup = new Lookup(task);
    // A look-up takes no lock; a change locks the key's bin, so it is made only for a task that waits.
    if (!WAITING.containsKey(lookup)) {
      return null;
    }
    TakeOne take = new TakeOne();
    WAITING.computeIfPresent(lookup, take);
    return take.found ? TokenScope.attach(take.token) : null;
  }

  /**
   * Called when one hand-over of {@code task} will not run after all: the executor rejected it, or the task was
   * removed from the executor's queue.
   *
   * @param task the task withdrawn, possibly {@code null}
   */
  public static void withdrawn(Object task) {
    if (task == null || WAITING.isEmpty()) {
      return;
    }
    WAITING.computeIfPresent(new Lookup(task), ONE_LESS);
  }

  /**
   * Called as {@code task} is reinitialized to be handed over afresh: every earlier hand-over is forgotten.
   *
   * @param task the task, possibly {@code null}
   */
  public static void forgetting(Object task) {
    if (task == null || WAITING.isEmpty()) {
      return;
    }
    WAITING.remove(new Lookup(task));
  }

  /**
   * How many tasks wait, for tests.
   *
   * @return the number of task objects with hand-overs neither run, withdrawn nor collected yet
   */
  static int waiting() {
    forgetCollected();
    return WAITING.size();
  }

  private static void forgetCollected() {
    Reference<?> collected;
    while ((collected = COLLECTED.poll()) != null) {
      WAITING.remove(collected);
    }
  }

  /**
   * The hand-overs of one task object that wait for a run: how many, and the token they all carry, or
   * {@code null} once they disagree. Immutable; replaced under the map's lock of its key.
   */
  private static final class Waiting {
    private final SessionToken token;
    private final int runs;

    Waiting(SessionToken token, int runs) {
      this.token = token;
      this.runs = runs;
    }
  }

  /** One more hand-over, with {@code token} ({@code null}: handed over without one). */
  private static final class OneMore implements BiFunction<Object, Waiting, Waiting> {
    private final SessionToken token;

    OneMore(SessionToken token) {
      this.token = token;
    }

    @Override
    public Waiting apply(Object key, Waiting waiting) {
      if (waiting == null) {
        return new Waiting(token, 1);
      }
      SessionToken agreed = Objects.equals(waiting.token, token) ? waiting.token : null;
      return new Waiting(agreed, waiting.runs + 1);
    }
  }

  /** One hand-over that will not run. */
  private static final class OneLess implements BiFunction<Object, Waiting, Waiting> {
    @Override
    public Waiting apply(Object key, Waiting waiting) {
      return waiting.runs > 1 ? new Waiting(waiting.token, waiting.runs - 1) : null;
    }
  }

  /** One run begins: takes one hand-over and keeps its token. */
  private static final class TakeOne implements BiFunction<Object, Waiting, Waiting> {
    private boolean found;
    private SessionToken token;

    @Override
    public Waiting apply(Object key, Waiting waiting) {
      found = true;
      token = waiting.token;
      return ONE_LESS.apply(key, waiting);
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
