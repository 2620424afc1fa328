package io.openreplay.backend.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.fieldType;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The shape of {@code ThreadPoolExecutor}'s worker loop that the token of a queued task relies on, the same on
 * Java 17, 21 and 25: {@code Worker.run()} with its {@code Runnable firstTask} field, {@code Runnable getTask()}
 * and {@code processWorkerExit(Worker, boolean)}. The pool and its worker are advised together or not at all: a
 * worker that attached its first task's token without a {@code getTask()} that ends it would keep that token for
 * every later task.
 */
final class WorkerLoopShape {

  /** The pool. */
  static final String POOL = "java.util.concurrent.ThreadPoolExecutor";
  /** Its worker, the {@code Runnable} each pool thread runs. */
  static final String WORKER = POOL + "$Worker";

  /** {@code private Runnable getTask()}: the worker asks for its next task, which it returns (or {@code null}). */
  static final ElementMatcher.Junction<MethodDescription> NEXT_TASK = isMethod().and(named("getTask"))
      .and(takesNoArguments()).and(returns(Runnable.class)).and(not(isStatic()));
  /** {@code private void processWorkerExit(Worker, boolean)}: the worker's loop has ended. */
  static final ElementMatcher.Junction<MethodDescription> WORKER_EXIT = isMethod().and(named("processWorkerExit"))
      .and(takesArguments(2)).and(takesArgument(0, named(WORKER))).and(takesArgument(1, boolean.class))
      .and(returns(void.class));
  /** {@code public void run()} of the worker: its whole life, beginning with its first task. */
  static final ElementMatcher.Junction<MethodDescription> WORKER_RUN = isMethod().and(named("run"))
      .and(takesNoArguments()).and(returns(void.class)).and(not(isStatic()));

  private static final ElementMatcher.Junction<TypeDescription> POOL_METHODS =
      declaresMethod(NEXT_TASK).and(declaresMethod(WORKER_EXIT));
  private static final ElementMatcher.Junction<TypeDescription> WORKER_MEMBERS =
      declaresMethod(WORKER_RUN).and(declaresField(named("firstTask").and(fieldType(Runnable.class))));

  private WorkerLoopShape() {
  }

  /**
   * @return matches the pool when it and its worker have the known shape
   */
  static ElementMatcher.Junction<TypeDescription> pool() {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription pool) {
        return hasKnownLoop(pool);
      }
    };
  }

  /**
   * @return matches the worker when it and its pool have the known shape
   */
  static ElementMatcher.Junction<TypeDescription> worker() {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription worker) {
        TypeDescription pool = worker.getDeclaringType();
        return pool != null && hasKnownLoop(pool);
      }
    };
  }

  /**
   * @return matches a direct subclass of a pool of the known shape ({@code ScheduledThreadPoolExecutor})
   */
  static ElementMatcher.Junction<TypeDescription> poolSubclass() {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription subclass) {
        TypeDescription.Generic superClass = subclass.getSuperClass();
        return superClass != null && superClass.asErasure().getName().equals(POOL)
            && hasKnownLoop(superClass.asErasure());
      }
    };
  }

  private static boolean hasKnownLoop(TypeDescription pool) {
    if (!pool.getName().equals(POOL) || !POOL_METHODS.matches(pool)) {
      return false;
    }
    for (TypeDescription member : pool.getDeclaredTypes()) {
      if (member.getName().equals(WORKER)) {
        return WORKER_MEMBERS.matches(member);
      }
    }
    return false;
  }
}
