package io.openreplay.backend.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * Every instrumentation matches the library versions this build pins: each advice class exists, and each binding
 * advises at least one method of the real library type it is meant for (so a library change that renames an entry
 * point fails here, not silently in production). The one binding whose library cannot be on this classpath is
 * checked by the forked-JVM tests instead.
 */
class InstrumentationShapeTest {

  private static final TypePool POOL = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());

  /** The library types each instrumentation is meant to advise, as found on this module's classpath. */
  private static final List<String> TARGETS = List.of(
      "org.apache.catalina.connector.CoyoteAdapter", "org.apache.tomcat.util.threads.ThreadPoolExecutor",
      "org.eclipse.jetty.server.Server", "org.eclipse.jetty.ee10.servlet.ServletChannel",
      "org.eclipse.jetty.util.thread.QueuedThreadPool", "jakarta.servlet.http.HttpServlet",
      "javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpFilter", "javax.servlet.http.HttpFilter",
      "org.apache.catalina.core.AsyncContextImpl", "ch.qos.logback.classic.spi.LoggingEvent",
      "io.sentry.SentryClient", "io.sentry.logback.SentryAppender", "com.rollbar.notifier.RollbarBase",
      "com.rollbar.api.payload.data.body.Message$Builder", "java.util.concurrent.ThreadPoolExecutor",
      "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
      "java.util.concurrent.ForkJoinTask", "java.lang.Thread",
      AppThread.class.getName());

  /** An application's own thread class, overriding {@code run()}. */
  static final class AppThread extends Thread {
    @Override
    public void run() {
      // an application's work
    }
  }

  @Test
  void everyBindingAdvisesAMethodOfARealLibraryTypeAndItsAdviceExists() throws Exception {
    Set<String> matchedTargets = new HashSet<>();
    Set<String> unverified = new HashSet<>();
    for (LibraryInstrumentation library : Instrumentations.all()) {
      for (TypeInstrumentation type : library.types()) {
        Class.forName(type.advice().get(0).adviceClass(), false, getClass().getClassLoader());
        for (TypeInstrumentation.Binding binding : type.advice()) {
          Class.forName(binding.adviceClass(), false, getClass().getClassLoader());
          boolean advisesSomething = false;
          boolean typeMatched = false;
          for (String target : TARGETS) {
            TypeDescription description = POOL.describe(target).resolve();
            if (!type.types().matches(description)) {
              continue;
            }
            matchedTargets.add(target);
            typeMatched = true;
            assertTrue(type.shape().matches(description), () -> target + " has the expected shape");
            for (MethodDescription method : description.getDeclaredMethods()) {
              advisesSomething |= binding.methods().matches(method);
            }
          }
          if (!typeMatched) {
            unverified.add(library.name() + ":" + binding.adviceClass());
            continue;
          }
          assertTrue(advisesSomething, () -> library.name() + ": " + binding.adviceClass() + " advises nothing");
        }
      }
    }
    assertEquals(new HashSet<>(TARGETS), matchedTargets, "every target is matched by some instrumentation");
    // javax AsyncContext implementations live in Tomcat 9, which cannot share this classpath with Tomcat 11:
    // Tomcat9AgentTest (agent-it) checks that binding on a real Tomcat 9.
    assertEquals(Set.of("servlet:io.openreplay.backend.agent.instrumentation.handover.RunnableArgumentAdvice"),
        unverified);
  }
}
