package io.openreplay.backend.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * Every instrumentation matches the library versions this build pins: each advice class exists, every type named
 * by an instrumentation exists with the expected shape, and each binding advises at least one method of the real
 * library type it is meant for (so a library change that renames an entry point fails here, not silently in
 * production). What cannot be on this classpath is listed with the forked-JVM test that checks it instead.
 */
class InstrumentationShapeTest {

  private static final TypePool POOL = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());

  /** Real subtypes that the instrumentations of subtypes must match. */
  private static final List<String> SUBTYPES = List.of(
      "jakarta.servlet.http.HttpServlet", "javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpFilter",
      "javax.servlet.http.HttpFilter", "org.apache.catalina.core.AsyncContextImpl",
      "io.undertow.servlet.spec.AsyncContextImpl");

  /** Named types absent from this classpath on purpose, and where they are checked. */
  private static final Map<String, String> ABSENT = Map.of(
      "java.util.concurrent.ForkJoinTask$AdaptedInterruptibleRunnable", "a Java 21+ adapter: Java25AgentTest",
      "java.util.concurrent.ForkJoinTask$CallableWithTimeout", "a Java 21+ adapter: Java25AgentTest",
      "java.lang.VirtualThread", "a Java 21+ class: VirtualThreadsAgentTest, TomcatVirtualThreadsAgentTest");

  /**
   * Bindings for another version of their library than the one on this classpath, and where they are checked:
   * {@code library:advice class}.
   */
  private static final Map<String, String> OTHER_VERSIONS = Map.of(
      "servlet:io.openreplay.backend.agent.instrumentation.handover.RunnableArgumentAdvice",
      "javax AsyncContext implementations are Tomcat 9's: Tomcat9AgentTest");

  @Test
  void everyNamedTypeExistsWithItsShapeAndEveryBindingAdvisesOneOfItsMethods() throws Exception {
    Set<String> unverified = new HashSet<>();
    Set<String> matchedSubtypes = new HashSet<>();
    for (LibraryInstrumentation library : Instrumentations.all()) {
      for (TypeInstrumentation type : library.types()) {
        List<String> targets = type.supertype() != null ? SUBTYPES : type.typeNames();
        for (TypeInstrumentation.Binding binding : type.advice()) {
          Class.forName(binding.adviceClass(), false, getClass().getClassLoader());
          boolean advisesSomething = false;
          boolean onlyAbsentTargets = true;
          for (String target : targets) {
            TypePool.Resolution resolution = POOL.describe(target);
            if (!resolution.isResolved()) {
              assertTrue(ABSENT.containsKey(target), () -> target + " is on the classpath");
              continue;
            }
            onlyAbsentTargets = false;
            TypeDescription description = resolution.resolve();
            if (!type.types().matches(description)) {
              continue;
            }
            matchedSubtypes.add(target);
            assertTrue(type.shape().matches(description), () -> target + " has the expected shape");
            for (MethodDescription method : description.getDeclaredMethods()) {
              advisesSomething |= binding.methods().matches(method);
            }
          }
          // A binding whose every type is absent here (a Java 21+ class on Java 17) is checked where ABSENT says.
          if (!advisesSomething && !targets.isEmpty() && !onlyAbsentTargets) {
            unverified.add(library.name() + ":" + binding.adviceClass());
          }
        }
      }
    }
    assertTrue(matchedSubtypes.containsAll(SUBTYPES), () -> "subtypes matched: " + matchedSubtypes);
    assertEquals(OTHER_VERSIONS.keySet(), unverified, "bindings that advise nothing on this classpath");
  }
}
