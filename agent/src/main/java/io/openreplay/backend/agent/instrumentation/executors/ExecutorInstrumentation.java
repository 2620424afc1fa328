package io.openreplay.backend.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.bootstrap.ForkJoinHandOver;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's executors: {@code ThreadPoolExecutor.execute} (which every {@code submit}/{@code invoke} of it goes
 * through), {@code ScheduledThreadPoolExecutor.schedule} for one-shot tasks (periodic tasks outlive the request and
 * keep no token), {@code ForkJoinPool}'s {@code execute}/{@code submit} of runnables and callables, which
 * {@code CompletableFuture}'s asynchronous stages use, and fork-join tasks as such: {@code ForkJoinTask.fork()} and
 * {@code ForkJoinPool.submit/execute/invoke} of a task remember the token ({@link ForkJoinHandOver}), and
 * {@code ForkJoinTask.doExec()} attaches it around the task's body. A JDK whose {@code ForkJoinTask} has no
 * {@code doExec()} of the known shape keeps its fork-join tasks unchanged, with one debug line.
 */
public final class ExecutorInstrumentation implements LibraryInstrumentation {

  private static final String HANDOVER = "io.openreplay.backend.agent.instrumentation.handover.";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.executors.";

  /**
   * The one method through which every thread runs a fork-join task's body: {@code final int doExec()} on Java 17,
   * {@code final void doExec()} on Java 21 and 25; the advice touches neither the result nor the fields.
   */
  private static final ElementMatcher.Junction<MethodDescription> TASK_EXECUTION = isMethod().and(named("doExec"))
      .and(takesNoArguments()).and(not(isStatic())).and(returns(int.class).or(returns(void.class)));

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.of(null, named("java.util.concurrent.ThreadPoolExecutor"),
            Binding.of(isMethod().and(named("execute")).and(takesArguments(Runnable.class)),
                HANDOVER + "RunnableArgumentAdvice")),
        TypeInstrumentation.of(null, named("java.util.concurrent.ScheduledThreadPoolExecutor"),
            Binding.of(isMethod().and(named("schedule")).and(takesArguments(Runnable.class, long.class, TimeUnit.class)),
                HANDOVER + "RunnableArgumentAdvice"),
            Binding.of(isMethod().and(named("schedule")).and(takesArguments(Callable.class, long.class, TimeUnit.class)),
                HANDOVER + "CallableArgumentAdvice")),
        TypeInstrumentation.of(null, named("java.util.concurrent.ForkJoinPool"),
            Binding.of(isMethod().and(named("execute")).and(takesArguments(Runnable.class)),
                HANDOVER + "RunnableArgumentAdvice"),
            Binding.of(isMethod().and(named("submit")).and(takesArguments(1))
                    .and(takesArgument(0, Runnable.class)),
                HANDOVER + "PlainRunnableArgumentAdvice"),
            Binding.of(isMethod().and(named("submit")).and(takesArguments(1)).and(takesArgument(0, Callable.class)),
                HANDOVER + "CallableArgumentAdvice"),
            Binding.of(isMethod().and(namedOneOf("execute", "submit", "invoke", "lazySubmit")).and(not(isBridge()))
                    .and(takesArguments(1)).and(takesArgument(0, ForkJoinTask.class)),
                PACKAGE + "TaskArgumentAdvice")),
        TypeInstrumentation.of(null, named("java.util.concurrent.ForkJoinTask"),
            Binding.of(isMethod().and(named("fork")).and(takesNoArguments()), PACKAGE + "ForkAdvice"),
            Binding.of(isMethod().and(named("reinitialize")).and(takesNoArguments()), PACKAGE + "ReinitializeAdvice"),
            Binding.of(TASK_EXECUTION, PACKAGE + "TaskExecutionAdvice"))
            .withShape(declaresMethod(TASK_EXECUTION)));
  }
}
