package io.openreplay.backend.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's executors: {@code ThreadPoolExecutor.execute} (which every {@code submit}/{@code invoke} of it goes
 * through), {@code ScheduledThreadPoolExecutor.schedule} for one-shot tasks (periodic tasks outlive the request and
 * keep no token), and {@code ForkJoinPool}'s {@code execute}/{@code submit} of runnables and callables, which
 * {@code CompletableFuture}'s asynchronous stages use.
 */
public final class ExecutorInstrumentation implements LibraryInstrumentation {

  private static final String HANDOVER = "io.openreplay.backend.agent.instrumentation.handover.";

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
                HANDOVER + "CallableArgumentAdvice")));
  }
}
