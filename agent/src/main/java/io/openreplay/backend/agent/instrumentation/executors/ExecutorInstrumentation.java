package io.openreplay.backend.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.bootstrap.TaskHandOver;
import io.openreplay.backend.agent.bootstrap.WorkerTaskScope;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RunnableScheduledFuture;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's executors. Every task keeps the token that was current when it was handed over, beside the task
 * ({@link TaskHandOver}), never in a wrapper: the application finds its very task objects in a
 * {@code ThreadPoolExecutor}'s queue, in {@code shutdownNow()}'s list, in {@code beforeExecute}/{@code afterExecute},
 * and {@code remove(task)} finds them.
 *
 * <ul>
 *   <li>{@code ThreadPoolExecutor.execute} (which every {@code submit}/{@code invoke} of it goes through) remembers
 *       the token for the task; the worker attaches it when it takes the task ({@code Worker.run()} for its first
 *       task, {@code getTask()} for the others) and puts back what it had when it asks for the next one or ends
 *       ({@link WorkerTaskScope}). A rejected, removed or drained task forgets it.</li>
 *   <li>{@code ScheduledThreadPoolExecutor}: a one-shot task ({@code schedule}, and so {@code execute} and
 *       {@code submit}) keeps the token with the future it queues; periodic tasks outlive the request and keep none.
 *       </li>
 *   <li>{@code ForkJoinPool}: a runnable or callable is adapted into a fork-join task by the pool itself, and that
 *       adapter keeps the token from its creation; fork-join tasks as such keep it through {@code fork()} and
 *       {@code ForkJoinPool.submit/execute/invoke}. {@code ForkJoinTask.doExec()} attaches it around the task's body.
 *       </li>
 * </ul>
 *
 * <p>Each JDK type is advised only in the shape this was written for (Java 17 to 25); a JDK whose worker loop or
 * {@code doExec()} looks otherwise keeps that type unchanged, with one debug line.
 */
public final class ExecutorInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.executors.";
  private static final String SCHEDULED_POOL = "java.util.concurrent.ScheduledThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";

  /**
   * The fork-join tasks a pool makes of the application's runnables and callables ({@code execute},
   * {@code submit}, {@code invokeAll}, {@code invokeAny}, {@code submitWithTimeout}, {@code ForkJoinTask.adapt});
   * those of Java 17 and those added since. A name the running JDK lacks simply matches nothing. Java 17's
   * {@code invokeAny} queues its {@code ForkJoinPool.InvokeAnyTask}s directly; Java 25's
   * {@code ForkJoinTask.InvokeAnyTask}s go through {@code execute(ForkJoinTask)}, so they are not listed.
   */
  static final List<String> ADAPTERS = List.of(
      FORK_JOIN_TASK + "$RunnableExecuteAction", FORK_JOIN_TASK + "$AdaptedRunnable",
      FORK_JOIN_TASK + "$AdaptedRunnableAction", FORK_JOIN_TASK + "$AdaptedCallable",
      FORK_JOIN_TASK + "$AdaptedInterruptibleCallable", FORK_JOIN_TASK + "$AdaptedInterruptibleRunnable",
      FORK_JOIN_TASK + "$CallableWithTimeout", FORK_JOIN_POOL + "$InvokeAnyTask");

  /**
   * The one method through which every thread runs a fork-join task's body: {@code final int doExec()} on Java 17,
   * {@code final void doExec()} on Java 21 and 25; the advice touches neither the result nor the fields.
   */
  private static final ElementMatcher.Junction<MethodDescription> TASK_EXECUTION = isMethod().and(named("doExec"))
      .and(takesNoArguments()).and(not(isStatic())).and(returns(int.class).or(returns(void.class)));

  /** {@code ScheduledThreadPoolExecutor}'s private {@code delayedExecute}, which queues every scheduled task. */
  private static final ElementMatcher.Junction<MethodDescription> DELAYED_EXECUTE = isMethod()
      .and(named("delayedExecute")).and(takesArguments(RunnableScheduledFuture.class)).and(returns(void.class));

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(WorkerLoopShape.POOL,
            Binding.of(isMethod().and(named("execute")).and(takesArguments(Runnable.class)),
                PACKAGE + "QueuedTaskAdvice"),
            Binding.of(WorkerLoopShape.NEXT_TASK, PACKAGE + "NextTaskAdvice"),
            Binding.of(WorkerLoopShape.WORKER_EXIT, PACKAGE + "WorkerExitAdvice"),
            Binding.of(isMethod().and(named("reject")).and(takesArguments(Runnable.class)),
                PACKAGE + "RejectedTaskAdvice"),
            Binding.of(isMethod().and(named("remove")).and(takesArguments(Runnable.class)).and(returns(boolean.class)),
                PACKAGE + "RemovedTaskAdvice"),
            Binding.of(isMethod().and(named("shutdownNow")).and(takesNoArguments()).and(returns(List.class)),
                PACKAGE + "DrainedTasksAdvice"))
            .withShape(WorkerLoopShape.pool()),
        TypeInstrumentation.named(WorkerLoopShape.WORKER,
            Binding.of(WorkerLoopShape.WORKER_RUN, PACKAGE + "WorkerRunAdvice"))
            .withShape(WorkerLoopShape.worker()),
        TypeInstrumentation.named(SCHEDULED_POOL,
            Binding.of(DELAYED_EXECUTE, PACKAGE + "ScheduledTaskAdvice"))
            .withShape(declaresMethod(DELAYED_EXECUTE).and(WorkerLoopShape.poolSubclass())),
        TypeInstrumentation.named(FORK_JOIN_POOL,
            Binding.of(isMethod().and(namedOneOf("execute", "submit", "invoke", "lazySubmit")).and(not(isBridge()))
                    .and(takesArguments(1))
                    .and(takesArgument(0, ForkJoinTask.class).or(takesArgument(0, Runnable.class))),
                PACKAGE + "TaskArgumentAdvice")),
        TypeInstrumentation.named(ADAPTERS, Binding.of(isConstructor(), PACKAGE + "AdaptedTaskAdvice"))
            .withShape(new ForkJoinTaskSubclass(declaresMethod(TASK_EXECUTION))),
        TypeInstrumentation.named(FORK_JOIN_TASK,
            Binding.of(isMethod().and(named("fork")).and(takesNoArguments()), PACKAGE + "ForkAdvice"),
            Binding.of(isMethod().and(named("reinitialize")).and(takesNoArguments()), PACKAGE + "ReinitializeAdvice"),
            Binding.of(TASK_EXECUTION, PACKAGE + "TaskExecutionAdvice"))
            .withShape(declaresMethod(TASK_EXECUTION)));
  }

  /**
   * A type whose superclass chain reaches {@code ForkJoinTask} of the given shape: an adapter keeps a token only
   * where {@code doExec()} will attach it. Only the few adapters matched by name are tested.
   */
  private static final class ForkJoinTaskSubclass extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
    private final ElementMatcher<? super TypeDescription> taskShape;

    ForkJoinTaskSubclass(ElementMatcher<? super TypeDescription> taskShape) {
      this.taskShape = taskShape;
    }

    @Override
    public boolean matches(TypeDescription type) {
      for (TypeDescription.Generic superClass = type.getSuperClass(); superClass != null;
          superClass = superClass.getSuperClass()) {
        TypeDescription erasure = superClass.asErasure();
        if (erasure.getName().equals(FORK_JOIN_TASK)) {
          return taskShape.matches(erasure);
        }
      }
      return false;
    }
  }
}
