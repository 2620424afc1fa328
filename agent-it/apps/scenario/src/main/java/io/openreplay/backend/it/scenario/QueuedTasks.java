package io.openreplay.backend.it.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An application that looks into its executors' queues and edits them, as schedulers, throttles and graceful
 * shutdowns do: with the only worker of a pool blocked (a latch), it queues tasks, then checks that
 * {@code getQueue()} holds its very task objects (by identity and by their text), that {@code remove(task)} finds
 * them and a removed task never runs, that {@code beforeExecute}/{@code afterExecute} see them, and that
 * {@code shutdownNow()} returns them, so that the application can run them itself; the same for a
 * {@code ScheduledThreadPoolExecutor}'s queue and {@code remove(future)}.
 *
 * <p>The report it returns depends on nothing but the JDK's behaviour, so it is the same with and without an agent.
 * Each task that runs logs an error {@code scenario queued id=ID task=NAME}; one task of each pool is queued by the
 * application's own {@link Courier} thread, which serves no request.
 */
public final class QueuedTasks {

  private static final long WAIT_SECONDS = 20;

  private final Courier courier = new Courier();

  /**
   * Runs the three checks, each on executors of its own that are shut down afterwards.
   *
   * @param id the marker the tasks' log messages carry
   * @return the report, one line per observation
   * @throws Exception when the JDK's executors do not behave as they should
   */
  public String run(String id) throws Exception {
    List<String> report = new ArrayList<>();
    threadPool(id, report);
    drainedByShutdownNow(id, report);
    scheduledPool(id, report);
    return String.join("\n", report) + "\n";
  }

  /** A pool's queue, removal of a task and of a future, and the hooks, while its only worker is blocked. */
  private void threadPool(String id, List<String> report) throws Exception {
    Names names = new Names();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    InspectedPool pool = new InspectedPool();
    try {
      Blocker blocker = names.add(new Blocker(), "blocker");
      pool.execute(blocker);
      blocker.awaitStarted();
      Logged t0 = names.add(new Logged("t0", id, ran), "t0");
      Logged t1 = names.add(new Logged("t1", id, ran), "t1");
      Logged t2 = names.add(new Logged("t2", id, ran), "t2");
      pool.execute(t0);
      pool.execute(t1);
      courier.runThere(() -> pool.execute(t2));
      Future<String> t3 = names.add(pool.submit(new LoggedCall("t3", id, ran)), "t3's future");
      Future<String> t4 = names.add(pool.submit(new LoggedCall("t4", id, ran)), "t4's future");
      report.add("thread-pool queue: " + names.describe(pool.getQueue()));
      report.add("thread-pool queue text: " + withoutHashes(pool.getQueue().toString()));
      report.add("thread-pool remove(t1): " + pool.remove(t1));
      report.add("thread-pool remove(t4's future): " + pool.remove((Runnable) t4));
      report.add("thread-pool queue after removal: " + names.describe(pool.getQueue()));
      blocker.release();
      pool.shutdown();
      report.add("thread-pool terminated: " + pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
      report.add("thread-pool ran: " + String.join(", ", ran));
      report.add("thread-pool t3's future: " + t3.get(WAIT_SECONDS, TimeUnit.SECONDS));
      report.add("thread-pool t4's future done: " + t4.isDone());
      report.add("thread-pool beforeExecute saw: " + names.describe(pool.before));
      report.add("thread-pool afterExecute saw: " + names.describe(pool.after));
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code shutdownNow()} returns the tasks that waited, and the application runs them on its own thread. */
  private void drainedByShutdownNow(String id, List<String> report) throws Exception {
    Names names = new Names();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    InspectedPool pool = new InspectedPool();
    try {
      Blocker blocker = names.add(new Blocker(), "blocker");
      pool.execute(blocker);
      blocker.awaitStarted();
      pool.execute(names.add(new Logged("u0", id, ran), "u0"));
      pool.execute(names.add(new Logged("u1", id, ran), "u1"));
      names.add(pool.submit(new LoggedCall("u2", id, ran)), "u2's future");
      List<Runnable> drained = pool.shutdownNow();
      report.add("shutdownNow returned: " + names.describe(drained));
      report.add("shutdownNow terminated: " + pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
      report.add("shutdownNow blocker interrupted: " + blocker.interrupted);
      drained.forEach(Runnable::run);
      report.add("shutdownNow tasks run by the application: " + String.join(", ", ran));
    } finally {
      pool.shutdownNow();
    }
  }

  /** A scheduled pool's queue holds the futures {@code schedule} returned; {@code remove(future)} finds them. */
  private void scheduledPool(String id, List<String> report) throws Exception {
    Names names = new Names();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      Blocker blocker = new Blocker();
      names.add(scheduler.schedule(blocker, 0, TimeUnit.MILLISECONDS), "blocker's future");
      blocker.awaitStarted();
      ScheduledFuture<?> s0 = names.add(
          scheduler.schedule(new Logged("s0", id, ran), 0, TimeUnit.MILLISECONDS), "s0's future");
      ScheduledFuture<?> s1 = names.add(
          scheduler.schedule(new Logged("s1", id, ran), 0, TimeUnit.MILLISECONDS), "s1's future");
      AtomicReference<ScheduledFuture<?>> s2 = new AtomicReference<>();
      courier.runThere(() -> s2.set(scheduler.schedule(new Logged("s2", id, ran), 0, TimeUnit.MILLISECONDS)));
      names.add(s2.get(), "s2's future");
      ScheduledFuture<String> s3 = names.add(
          scheduler.schedule(new LoggedCall("s3", id, ran), 0, TimeUnit.MILLISECONDS), "s3's future");
      report.add("scheduled queue: " + names.describeSorted(scheduler.getQueue()));
      report.add("scheduled queue text: " + sortedText(scheduler.getQueue()));
      report.add("scheduled remove(s1's future): " + scheduler.remove((Runnable) s1));
      report.add("scheduled queue after removal: " + names.describeSorted(scheduler.getQueue()));
      blocker.release();
      report.add("scheduled s3's future: " + s3.get(WAIT_SECONDS, TimeUnit.SECONDS));
      scheduler.shutdown();
      report.add("scheduled terminated: " + scheduler.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
      report.add("scheduled ran: " + String.join(", ", ran));
      report.add("scheduled s0's future done: " + s0.isDone() + ", s1's future done: " + s1.isDone());
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** The text of objects whose default {@code toString} includes an identity hash, which differs from run to run. */
  private static String withoutHashes(String text) {
    return text.replaceAll("@[0-9a-f]+", "@HASH");
  }

  /** The texts of objects kept in no particular order (a scheduled pool's queue is a heap), in a stable order. */
  private static String sortedText(Iterable<?> objects) {
    List<String> texts = new ArrayList<>();
    objects.forEach(object -> texts.add(withoutHashes(String.valueOf(object))));
    Collections.sort(texts);
    return texts.toString();
  }

  /** The application's objects by identity, and what any object the application finds in a pool is. */
  private static final class Names {
    private final Map<Object, String> names = Collections.synchronizedMap(new IdentityHashMap<>());

    <T> T add(T object, String name) {
      names.put(object, name);
      return object;
    }

    String describe(Object object) {
      String name = names.get(object);
      return name != null ? name : "not the application's object but a " + object.getClass().getName();
    }

    String describe(Iterable<?> objects) {
      List<String> described = new ArrayList<>();
      objects.forEach(object -> described.add(describe(object)));
      return described.isEmpty() ? "(none)" : String.join(", ", described);
    }

    String describeSorted(Iterable<?> objects) {
      List<String> described = new ArrayList<>();
      objects.forEach(object -> described.add(describe(object)));
      Collections.sort(described);
      return described.isEmpty() ? "(none)" : String.join(", ", described);
    }
  }

  /** A pool of one worker that records which objects its {@code beforeExecute}/{@code afterExecute} are given. */
  private static final class InspectedPool extends ThreadPoolExecutor {
    private final List<Object> before = Collections.synchronizedList(new ArrayList<>());
    private final List<Object> after = Collections.synchronizedList(new ArrayList<>());

    InspectedPool() {
      super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
      before.add(task);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
      after.add(task);
    }
  }

  /** Keeps the pool's only worker busy until released. */
  private static final class Blocker implements Runnable {
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean interrupted;

    @Override
    public void run() {
      started.countDown();
      try {
        if (!released.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          Scenarios.log().warn("blocker never released");
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }

    void awaitStarted() throws InterruptedException, TimeoutException {
      if (!started.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new TimeoutException("the blocker did not start");
      }
    }

    void release() {
      released.countDown();
    }

    @Override
    public String toString() {
      return "blocker";
    }
  }

  /** A task that logs an error when it runs and records that it ran. */
  private static final class Logged implements Runnable {
    private final String name;
    private final String id;
    private final List<String> ran;

    Logged(String name, String id, List<String> ran) {
      this.name = name;
      this.id = id;
      this.ran = ran;
    }

    @Override
    public void run() {
      Scenarios.log().error("scenario queued id={} task={}", id, name);
      ran.add(name);
    }

    @Override
    public String toString() {
      return "task " + name + " id=" + id;
    }
  }

  /** The same as a callable, to be submitted: its future is what waits in the queue. */
  private static final class LoggedCall implements Callable<String> {
    private final Logged task;
    private final String name;

    LoggedCall(String name, String id, List<String> ran) {
      this.task = new Logged(name, id, ran);
      this.name = name;
    }

    @Override
    public String call() {
      task.run();
      return name + " done";
    }

    @Override
    public String toString() {
      return "callable " + name;
    }
  }
}
