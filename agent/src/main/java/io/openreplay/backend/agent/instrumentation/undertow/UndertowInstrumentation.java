package io.openreplay.backend.agent.instrumentation.undertow;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Undertow's servlet entry point, {@code io.undertow.servlet.handlers.ServletInitialHandler.handleFirstRequest}, and
 * the worker pool XNIO gives Undertow by default, jboss-threads' {@code EnhancedQueueExecutor}: its tasks
 * ({@code EnhancedQueueExecutor$Task}, the pool's own wrapper of every runnable it is given) keep the token that was
 * current when they were made, and the threads it starts ({@code doStartThread}, {@code startScheduleThread}) get
 * none.
 */
public final class UndertowInstrumentation implements LibraryInstrumentation {

  private static final String INITIAL_HANDLER = "io.undertow.servlet.handlers.ServletInitialHandler";
  private static final String POOL = "org.jboss.threads.EnhancedQueueExecutor";
  private static final String POOL_TASK = POOL + "$Task";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.undertow.";

  @Override
  public String name() {
    return "undertow";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(INITIAL_HANDLER,
            Binding.of(isMethod().and(named("handleFirstRequest")).and(takesArguments(2))
                    .and(takesArgument(0, named("io.undertow.server.HttpServerExchange"))),
                PACKAGE + "ServletInitialHandlerAdvice")),
        TypeInstrumentation.named(POOL_TASK,
            Binding.of(isConstructor(), "io.openreplay.backend.agent.instrumentation.executors.AdaptedTaskAdvice"),
            Binding.of(isMethod().and(named("run")).and(takesNoArguments()), PACKAGE + "PoolTaskRunAdvice")),
        TypeInstrumentation.named(POOL,
            Binding.of(isMethod().and(named("doStartThread").or(named("startScheduleThread"))),
                "io.openreplay.backend.agent.instrumentation.threads.WorkerCreationAdvice")));
  }
}
