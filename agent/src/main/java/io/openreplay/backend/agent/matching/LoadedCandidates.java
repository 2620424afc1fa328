package io.openreplay.backend.agent.matching;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes already loaded when the agent starts that it must retransform: the JDK's executors and threads
 * under {@code -javaagent}, and, when the agent is attached to a running JVM, the application's servers and
 * logging libraries too. Found by name and, for instrumentations of subtypes, by the loaded class's own hierarchy,
 * so no class is described for it.
 */
public final class LoadedCandidates {

  private LoadedCandidates() {
  }

  /**
   * @param instrumentation the JVM's instrumentation
   * @param candidates the candidates
   * @return the loaded classes that are candidates and can be retransformed
   */
  public static Set<Class<?>> find(Instrumentation instrumentation, CandidateClasses candidates) {
    List<String> supertypes = candidates.supertypes();
    Set<Class<?>> found = new HashSet<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      try {
        if (!type.isArray() && !type.isPrimitive() && !type.isHidden() && instrumentation.isModifiableClass(type)
            && (candidates.isNamed(type.getName()) || hasSupertype(type, supertypes))) {
          found.add(type);
        }
      } catch (LinkageError | RuntimeException unreadable) {
        // a class whose hierarchy cannot be read now is not one of ours
      }
    }
    return found;
  }

  private static boolean hasSupertype(Class<?> type, List<String> supertypes) {
    if (supertypes.isEmpty() || type.isInterface()) {
      return false;
    }
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      if (implementsAny(current, supertypes)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsAny(Class<?> type, List<String> supertypes) {
    if (supertypes.contains(type.getName())) {
      return true;
    }
    for (Class<?> implemented : type.getInterfaces()) {
      if (implementsAny(implemented, supertypes)) {
        return true;
      }
    }
    return false;
  }
}
