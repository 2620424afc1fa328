package io.openreplay.backend.agent.instrumentation.threads;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
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
 *
 * <p>Java 21+ threads: {@code Thread.start(ThreadContainer)}, by which a thread-per-task executor and structured
 * concurrency start platform threads without {@code start()}, and {@code java.lang.VirtualThread}'s
 * {@code start(ThreadContainer)} and private {@code run(Runnable)}, through which every virtual thread is started and
 * runs its task ({@code VirtualThread} overrides {@code start} without calling {@code Thread}'s, and its {@code run()}
 * does nothing). The token lives in the virtual thread's own thread-local, whichever carrier mounts it; the carriers
 * are left as they are. These are named, never referenced, so the agent still runs on Java 17, where they match
 * nothing.
 */
public final class ThreadInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.threads.";
  /** {@code start(jdk.internal.vm.ThreadContainer)}, of {@code Thread} and of {@code VirtualThread} (Java 21+). */
  private static final ElementMatcher.Junction<MethodDescription> START_IN_CONTAINER = isMethod().and(named("start"))
      .and(takesArguments(1)).and(takesArgument(0, named("jdk.internal.vm.ThreadContainer")));
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
            Binding.of(isMethod().and(named("start")).and(takesNoArguments()).or(START_IN_CONTAINER),
                PACKAGE + "ThreadStartAdvice"),
            Binding.of(RUN, PACKAGE + "ThreadRunAdvice")),
        TypeInstrumentation.named("java.lang.VirtualThread",
            Binding.of(START_IN_CONTAINER, PACKAGE + "ThreadStartAdvice"),
            Binding.of(isMethod().and(isPrivate()).and(named("run")).and(takesArguments(Runnable.class)),
                PACKAGE + "ThreadRunAdvice")),
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
