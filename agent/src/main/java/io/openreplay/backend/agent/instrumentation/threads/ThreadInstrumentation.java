package io.openreplay.backend.agent.instrumentation.threads;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * {@code new Thread(...).start()} during a request: {@code java.lang.Thread}'s {@code start()} and {@code run()},
 * the {@code run()} overrides of application thread classes, and {@code ThreadPoolExecutor.addWorker} and
 * {@code ForkJoinPool.createWorker}, whose threads are excluded.
 */
public final class ThreadInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.threads.";

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.of(null, named("java.lang.Thread"),
            Binding.of(isMethod().and(named("start")).and(takesNoArguments()), PACKAGE + "ThreadStartAdvice"),
            Binding.of(isMethod().and(named("run")).and(takesNoArguments()), PACKAGE + "ThreadRunAdvice")),
        TypeInstrumentation.of(null,
            not(nameStartsWith("java.")).and(not(nameStartsWith("jdk."))).and(not(nameStartsWith("sun.")))
                .and(declaresMethod(named("run").and(takesNoArguments()).and(not(isAbstract()))))
                .and(hasSuperType(named("java.lang.Thread"))),
            Binding.of(isMethod().and(named("run")).and(takesNoArguments()).and(not(isAbstract())),
                PACKAGE + "ThreadRunAdvice")),
        TypeInstrumentation.of(null, named("java.util.concurrent.ThreadPoolExecutor"),
            Binding.of(isMethod().and(named("addWorker")), PACKAGE + "WorkerCreationAdvice")),
        TypeInstrumentation.of(null, named("java.util.concurrent.ForkJoinPool"),
            Binding.of(isMethod().and(named("createWorker")).and(takesNoArguments()), PACKAGE + "WorkerCreationAdvice")));
  }
}
