package io.openreplay.backend.it.scenario;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Java 21+ threads, as an application on Java 21 or later starts them: {@code Thread.ofVirtual().start},
 * {@code unstarted(...).start()}, a virtual {@code ThreadFactory}, {@code Thread.startVirtualThread},
 * {@code Executors.newVirtualThreadPerTaskExecutor()} ({@code submit} of a callable and of a runnable,
 * {@code execute}, {@code invokeAll}) and {@code Executors.newThreadPerTaskExecutor} with platform threads. Each task
 * logs one error {@code scenario KIND id=ID} (kinds {@code virtual-builder}, {@code virtual-after-yield},
 * {@code virtual-nested}, {@code virtual-unstarted}, {@code virtual-factory}, {@code virtual-startVirtualThread},
 * {@code virtual-executor-submit-callable}, {@code virtual-executor-submit-runnable}, {@code virtual-executor-execute},
 * {@code virtual-executor-invokeall-0} and {@code -1}, {@code platform-per-task-executor}): the first task also logs
 * after {@code Thread.yield()}, which unmounts it from its carrier and resumes it later, and starts a nested virtual
 * thread.
 *
 * <p>The test apps are built for Java 17, so the Java 21 API is called by reflection; on Java 17 the scenario fails.
 */
final class VirtualThreads {

  private static final Logger LOG = Scenarios.log();
  private static final long WAIT_SECONDS = 20;

  private VirtualThreads() {
  }

  /**
   * Runs every kind once, on the calling thread's behalf, and waits for all of them.
   *
   * @param id the marker the log messages carry
   * @return the response body
   * @throws Exception when a thread cannot be started, or a task does not end in time
   */
  static String run(String id) throws Exception {
    Class<?> builderType = Class.forName("java.lang.Thread$Builder");
    Method start = builderType.getMethod("start", Runnable.class);
    Method unstarted = builderType.getMethod("unstarted", Runnable.class);
    Method factory = builderType.getMethod("factory");
    Method ofVirtual = Thread.class.getMethod("ofVirtual");

    Runnable nested = () -> LOG.error("scenario virtual-nested id={}", id);
    join((Thread) start.invoke(ofVirtual.invoke(null), (Runnable) () -> {
      LOG.error("scenario virtual-builder id={}", id);
      Thread.yield();
      LOG.error("scenario virtual-after-yield id={}", id);
      try {
        join((Thread) start.invoke(ofVirtual.invoke(null), nested));
      } catch (ReflectiveOperationException | InterruptedException e) {
        LOG.warn("scenario virtual-nested not started", e);
      }
    }));
    Thread later = (Thread) unstarted.invoke(ofVirtual.invoke(null), task("virtual-unstarted", id));
    later.start();
    join(later);
    Thread made = ((ThreadFactory) factory.invoke(ofVirtual.invoke(null))).newThread(task("virtual-factory", id));
    made.start();
    join(made);
    join((Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
        .invoke(null, task("virtual-startVirtualThread", id)));

    ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    try {
      perTask.submit(callable("virtual-executor-submit-callable", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      perTask.submit(task("virtual-executor-submit-runnable", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      CountDownLatch executed = new CountDownLatch(1);
      perTask.execute(() -> {
        LOG.error("scenario virtual-executor-execute id={}", id);
        executed.countDown();
      });
      executed.await(WAIT_SECONDS, TimeUnit.SECONDS);
      for (Future<String> done : perTask.invokeAll(List.of(callable("virtual-executor-invokeall-0", id),
          callable("virtual-executor-invokeall-1", id)), WAIT_SECONDS, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      perTask.shutdown();
      perTask.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    ThreadFactory platform = Thread::new;
    ExecutorService platformPerTask = (ExecutorService) Executors.class
        .getMethod("newThreadPerTaskExecutor", ThreadFactory.class).invoke(null, platform);
    try {
      platformPerTask.submit(task("platform-per-task-executor", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } finally {
      platformPerTask.shutdown();
      platformPerTask.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    return "virtual-threads " + id;
  }

  private static Runnable task(String kind, String id) {
    return () -> LOG.error("scenario {} id={}", kind, id);
  }

  private static Callable<String> callable(String kind, String id) {
    return () -> {
      LOG.error("scenario {} id={}", kind, id);
      return kind;
    };
  }

  private static void join(Thread thread) throws InterruptedException {
    thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }
}
