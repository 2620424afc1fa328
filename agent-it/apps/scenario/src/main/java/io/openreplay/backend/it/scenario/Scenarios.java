package io.openreplay.backend.it.scenario;

import com.rollbar.notifier.Rollbar;
import com.rollbar.notifier.config.ConfigBuilder;
import com.rollbar.notifier.sender.SyncSender;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an ordinary application does during a request, written as such an application would, with no knowledge of
 * OpenReplay: each scenario logs with a marker {@code id=ID} so that the tests find its events.
 *
 * <p>Sentry and Rollbar are set up only when the system properties {@code it.sentry.dsn} and
 * {@code it.rollbar.endpoint} are given (the app's own configuration, pointed at loopback receivers).
 */
public final class Scenarios {

  /** The size of the application's own executor. */
  public static final int POOL_SIZE = 4;
  /** The parallelism of the application's own fork-join pool. */
  public static final int FORK_JOIN_PARALLELISM = 2;
  /** How many elements the {@code forkjoin-tasks} scenario's parallel stream logs for. */
  public static final int STREAM_ELEMENTS = 4;
  /** How many leaves each recursive task of the {@code forkjoin-tasks} scenario logs for. */
  public static final int LEAVES = 4;

  private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);
  private static final long WAIT_SECONDS = 20;

  private final ExecutorService pool = Executors.newFixedThreadPool(POOL_SIZE);
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ForkJoinPool forkJoinPool = new ForkJoinPool(FORK_JOIN_PARALLELISM, OwnForkJoinWorker::new, null, false);
  private final QueuedTasks queuedTasks = new QueuedTasks();
  private final Rollbar rollbar;

  /** Sets up the application's executors, and Sentry and Rollbar when configured. */
  public Scenarios() {
    String dsn = System.getProperty("it.sentry.dsn");
    if (dsn != null) {
      Sentry.init(options -> {
        options.setDsn(dsn);
        options.setEnableUncaughtExceptionHandler(false);
        options.setSendModules(false);
        // The scenarios log bursts of errors; Sentry's default queue (30) would drop some, and a test would wait in vain.
        options.setMaxQueueSize(10_000);
      });
    }
    String endpoint = System.getProperty("it.rollbar.endpoint");
    String accessToken = System.getProperty("it.rollbar.accessToken", "it");
    rollbar = endpoint == null ? null : Rollbar.init(ConfigBuilder.withAccessToken(accessToken)
        .environment("it")
        .handleUncaughtErrors(false)
        .sender(new SyncSender.Builder(endpoint).accessToken(accessToken).compressPayload(false).build())
        .build());
  }

  /**
   * Runs one scenario on the calling (request) thread.
   *
   * @param name the scenario: {@code sync} (one info line), {@code log}, {@code executor}, {@code completable}, {@code forkjoin},
   *     {@code forkjoin-tasks} (a parallel stream, recursive tasks on the common and the app's own fork-join pool),
   *     {@code thread}, {@code scheduled}, {@code forkjoin-invoke}, {@code handover} (all six hand-overs), {@code sentry}, {@code rollbar},
   *     {@code residue}, {@code queued-tasks} (what an application finds in and removes from its executors' queues,
   *     see {@link QueuedTasks}), {@code virtual-threads} (Java 21+ threads, see {@link VirtualThreads})
   * @param id the marker the scenario's log messages carry
   * @return the response body
   * @throws Exception when the scenario fails
   */
  public String run(String name, String id) throws Exception {
    switch (name) {
      case "sync":
        LOG.info("scenario sync id={}", id);
        return "sync " + id;
      case "log":
        LOG.info("scenario info id={}", id);
        LOG.error("scenario error id=" + id, new IllegalStateException("scenario failure"));
        return "logged " + id;
      case "executor":
        pool.submit(() -> LOG.error("scenario executor id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return "executor " + id;
      case "completable":
        CompletableFuture.runAsync(() -> LOG.error("scenario completable id={}", id))
            .thenRunAsync(() -> LOG.error("scenario completable-stage id={}", id))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return "completable " + id;
      case "forkjoin":
        ForkJoinPool.commonPool().submit(() -> LOG.error("scenario forkjoin id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return "forkjoin " + id;
      case "forkjoin-invoke":
        forkJoinPool.invokeAll(List.of(() -> {
          LOG.error("scenario forkjoin-invokeall id={}", id);
          return id;
        }));
        forkJoinPool.invokeAny(List.of(() -> {
          LOG.error("scenario forkjoin-invokeany id={}", id);
          return id;
        }), WAIT_SECONDS, TimeUnit.SECONDS);
        return "forkjoin-invoke " + id;
      case "forkjoin-tasks":
        parallelStream(id);
        recursiveTask(ForkJoinPool.commonPool(), "recursive-common", id);
        recursiveTask(forkJoinPool, "recursive-pool", id);
        return "forkjoin-tasks " + id;
      case "thread":
        Thread thread = new Thread(() -> LOG.error("scenario thread id={}", id), "scenario-thread");
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        return "thread " + id;
      case "scheduled":
        scheduler.schedule(() -> LOG.error("scenario scheduled id={}", id), 1, TimeUnit.MILLISECONDS)
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return "scheduled " + id;
      case "handover":
        for (String handOver : List.of("executor", "completable", "forkjoin", "forkjoin-invoke", "thread", "scheduled")) {
          run(handOver, id);
        }
        return "handover " + id;
      case "sentry":
        Sentry.captureException(new IllegalStateException("scenario sentry id=" + id));
        Sentry.captureMessage("scenario sentry message id=" + id, SentryLevel.ERROR);
        return "sentry " + id;
      case "rollbar":
        if (rollbar != null) {
          rollbar.error(new IllegalStateException("scenario rollbar exception id=" + id));
          rollbar.error("scenario rollbar message id=" + id);
        }
        return "rollbar " + id;
      case "residue":
        return residue(id);
      case "queued-tasks":
        return queuedTasks.run(id);
      case "virtual-threads":
        return VirtualThreads.run(id);
      default:
        return "unknown scenario";
    }
  }

  /**
   * Logs from every thread of the application's executors and fork-join pool and from the common pool, scheduler
   * and container thread: run without a header after tokened requests, none of these events may carry a token.
   */
  private String residue(String id) throws Exception {
    LOG.info("residue container id={}", id);
    CountDownLatch allRunning = new CountDownLatch(POOL_SIZE);
    List<Future<?>> tasks = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      tasks.add(pool.submit(() -> {
        LOG.info("residue executor id={}", id);
        allRunning.countDown();
        allRunning.await(WAIT_SECONDS, TimeUnit.SECONDS);
        return null;
      }));
    }
    for (Future<?> task : tasks) {
      task.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    CompletableFuture.runAsync(() -> LOG.info("residue completable id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    ForkJoinPool.commonPool().submit(() -> LOG.info("residue forkjoin id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    CountDownLatch allWorkersRunning = new CountDownLatch(FORK_JOIN_PARALLELISM);
    List<Future<?>> forkJoinTasks = new ArrayList<>();
    for (int i = 0; i < FORK_JOIN_PARALLELISM; i++) {
      forkJoinTasks.add(forkJoinPool.submit(() -> {
        LOG.info("residue fork-join-pool id={}", id);
        allWorkersRunning.countDown();
        allWorkersRunning.await(WAIT_SECONDS, TimeUnit.SECONDS);
        return null;
      }));
    }
    for (Future<?> task : forkJoinTasks) {
      task.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    scheduler.schedule(() -> LOG.info("residue scheduled id={}", id), 1, TimeUnit.MILLISECONDS)
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    return "residue " + id;
  }

  /**
   * A parallel stream, whose subtasks the request thread forks onto the common pool. An element the request thread
   * takes itself waits (bounded) until a pool worker has logged one, so that some element always runs on a worker.
   */
  private static void parallelStream(String id) {
    CountDownLatch workerLogged = new CountDownLatch(1);
    IntStream.range(0, STREAM_ELEMENTS).parallel().forEach(element -> {
      LOG.error("scenario parallel-stream id={} element={}", id, element);
      if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
        workerLogged.countDown();
      } else {
        awaitQuietly(workerLogged);
      }
    });
  }

  /**
   * A recursive task submitted to {@code pool}: it starts on one of the pool's workers (the request thread waits for
   * that before it joins, so it cannot run the task itself) and forks its subtasks from there.
   */
  private static void recursiveTask(ForkJoinPool pool, String kind, String id) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Leaves root = new Leaves(kind, id, 0, LEAVES, started);
    pool.submit(root);
    started.await(WAIT_SECONDS, TimeUnit.SECONDS);
    root.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Splits a range in halves, forking one and computing the other, down to leaves that log an error each. */
  private static final class Leaves extends RecursiveTask<Integer> {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;
    private final int from;
    private final int to;
    private final transient CountDownLatch started;

    Leaves(String kind, String id, int from, int to, CountDownLatch started) {
      this.kind = kind;
      this.id = id;
      this.from = from;
      this.to = to;
      this.started = started;
    }

    @Override
    protected Integer compute() {
      if (started != null) {
        started.countDown();
      }
      if (to - from == 1) {
        LOG.error("scenario {} id={} leaf={}", kind, id, from);
        return 1;
      }
      int middle = (from + to) >>> 1;
      Leaves right = new Leaves(kind, id, middle, to, null);
      right.fork();
      return new Leaves(kind, id, from, middle, null).compute() + right.join();
    }
  }

  /**
   * The application's executor, for servlets that hand asynchronous requests to it.
   *
   * @return the executor
   */
  public ExecutorService pool() {
    return pool;
  }

  /**
   * A logger for the apps' own classes.
   *
   * @return the scenario logger
   */
  public static Logger log() {
    return LOG;
  }
}
