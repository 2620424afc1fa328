package io.openreplay.backend.agent.instrumentation.threads;

import io.openreplay.backend.agent.AgentLog;
import io.openreplay.backend.agent.matching.CandidateClasses;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Instruments an application's thread class when a thread of it is first started with a token (see
 * {@code bootstrap.ThreadClasses}): the class and its superclasses below {@link Thread}, the JDK's excluded, become
 * candidates and are retransformed at once, before the thread runs, so that the {@code run()} they declare attaches
 * the token.
 */
final class ThreadClassInstrumenter implements Consumer<Class<?>> {

  private final Instrumentation instrumentation;
  private final CandidateClasses candidates;
  private final Set<String> threadClasses;

  ThreadClassInstrumenter(Instrumentation instrumentation, CandidateClasses candidates, Set<String> threadClasses) {
    this.instrumentation = instrumentation;
    this.candidates = candidates;
    this.threadClasses = threadClasses;
  }

  @Override
  public void accept(Class<?> threadClass) {
    try {
      List<Class<?>> added = new ArrayList<>();
      for (Class<?> type = threadClass; type != null && type != Thread.class; type = type.getSuperclass()) {
        String name = type.getName();
        if (isJdk(name) || type.isHidden() || !instrumentation.isModifiableClass(type)) {
          continue;
        }
        if (threadClasses.add(name)) {
          candidates.add(name);
          added.add(type);
        }
      }
      if (!added.isEmpty()) {
        instrumentation.retransformClasses(added.toArray(new Class<?>[0]));
      }
    } catch (Throwable failure) {
      AgentLog.debug("thread class " + threadClass.getName() + " not instrumented: " + failure);
    }
  }

  private static boolean isJdk(String name) {
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }
}
