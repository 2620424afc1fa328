package io.openreplay.backend.agent.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.StubMethod;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The pool and its worker are advised together or not at all: both match on this JDK's classes, and a pool or a
 * worker of another shape (a JDK that changed its worker loop) matches neither, so that such a JDK's executors stay
 * unchanged (with one debug line) instead of leaving a first task's token on a worker.
 */
class WorkerLoopShapeTest {

  private static final TypePool JDK = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());

  private static TypeDescription jdk(String name) {
    return JDK.describe(name).resolve();
  }

  /** A class with the pool's name but not its worker loop: it has a worker, but no {@code getTask()}. */
  private static TypeDescription poolWithoutGetTask() {
    return new ByteBuddy().subclass(Object.class).name(WorkerLoopShape.POOL)
        .defineMethod("processWorkerExit", void.class, Visibility.PRIVATE)
        .withParameters(Object.class, boolean.class).intercept(StubMethod.INSTANCE)
        .make().getTypeDescription();
  }

  @Test
  void theJdksPoolWorkerAndScheduledPoolHaveTheKnownShape() {
    assertTrue(WorkerLoopShape.pool().matches(jdk(WorkerLoopShape.POOL)));
    assertTrue(WorkerLoopShape.worker().matches(jdk(WorkerLoopShape.WORKER)));
    assertTrue(WorkerLoopShape.poolSubclass().matches(jdk("java.util.concurrent.ScheduledThreadPoolExecutor")));
  }

  @Test
  void aPoolOfAnotherShapeIsNotAdvisedNorIsItsWorker() {
    TypeDescription pool = poolWithoutGetTask();
    assertFalse(WorkerLoopShape.pool().matches(pool));
    TypeDescription worker = new ByteBuddy().subclass(Object.class).name(WorkerLoopShape.WORKER)
        .innerTypeOf(pool).asMemberType()
        .defineField("firstTask", Runnable.class)
        .defineMethod("run", void.class, Visibility.PUBLIC).intercept(StubMethod.INSTANCE)
        .make().getTypeDescription();
    assertFalse(WorkerLoopShape.worker().matches(worker), "a worker is advised only with its pool's loop");
  }

  @Test
  void onlyThePoolItselfCountsAsThePool() {
    assertFalse(WorkerLoopShape.pool().matches(jdk("java.util.concurrent.ScheduledThreadPoolExecutor")));
    assertFalse(WorkerLoopShape.poolSubclass().matches(jdk(WorkerLoopShape.POOL)));
  }

  @Test
  void everyForkJoinAdapterOfThisJdkHasTheKnownShape() {
    TypeInstrumentation adapters = new ExecutorInstrumentation().types().stream()
        .filter(type -> type.typeNames().equals(ExecutorInstrumentation.ADAPTERS)).findFirst().orElseThrow();
    int present = 0;
    for (String name : ExecutorInstrumentation.ADAPTERS) {
      TypePool.Resolution resolution = JDK.describe(name);
      if (resolution.isResolved()) {
        present++;
        assertTrue(adapters.shape().matches(resolution.resolve()), name);
      }
    }
    assertTrue(present >= List.of("RunnableExecuteAction", "AdaptedRunnable", "AdaptedRunnableAction",
        "AdaptedCallable", "AdaptedInterruptibleCallable").size(), "the adapters of Java 17 at least");
  }
}
