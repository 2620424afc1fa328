package io.openreplay.backend.agent.instrumentation.threads;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.bootstrap.ThreadClasses;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import io.openreplay.backend.agent.matching.CandidateClasses;
import io.openreplay.backend.agent.matching.NameIn;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code new Thread(...).start()} during a request: {@code java.lang.Thread}'s {@code start()} and {@code run()},
 * the {@code run()} of the application's own thread classes (instrumented the first time a thread of the class is
 * started with a token, by {@link ThreadClassInstrumenter}), and {@code ThreadPoolExecutor.addWorker} and
 * {@code ForkJoinPool.createWorker}, whose threads are excluded.
 */
public final class ThreadInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.threads.";
  private static final ElementMatcher.Junction<MethodDescription> RUN =
      isMethod().and(named("run")).and(takesNoArguments()).and(not(isAbstract()));

  /** The application's thread classes instrumented so far. */
  private final Set<String> threadClasses = ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public List<TypeInstrumentation> types() {
    ElementMatcher.Junction<TypeDescription> applicationThreads =
        new NameIn<TypeDescription>(threadClasses).and(declaresMethod(RUN));
    return List.of(
        TypeInstrumentation.named("java.lang.Thread",
            Binding.of(isMethod().and(named("start")).and(takesNoArguments()), PACKAGE + "ThreadStartAdvice"),
            Binding.of(RUN, PACKAGE + "ThreadRunAdvice")),
        TypeInstrumentation.added(applicationThreads, Binding.of(RUN, PACKAGE + "ThreadRunAdvice")),
        TypeInstrumentation.named("java.util.concurrent.ThreadPoolExecutor",
            Binding.of(isMethod().and(named("addWorker")), PACKAGE + "WorkerCreationAdvice")),
        TypeInstrumentation.named("java.util.concurrent.ForkJoinPool",
            Binding.of(isMethod().and(named("createWorker")).and(takesNoArguments()),
                PACKAGE + "WorkerCreationAdvice")));
  }

  @Override
  public void installed(Instrumentation instrumentation, CandidateClasses candidates) {
    ThreadClasses.install(new ThreadClassInstrumenter(instrumentation, candidates, threadClasses));
  }
}
