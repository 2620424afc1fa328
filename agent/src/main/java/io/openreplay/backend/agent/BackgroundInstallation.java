package io.openreplay.backend.agent;

import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.config.AgentConfig;
import io.openreplay.backend.agent.instrumentation.Instrumentations;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.matching.CandidateClasses;
import io.openreplay.backend.agent.matching.CandidateFilter;
import io.openreplay.backend.agent.matching.LoadedCandidates;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The part of the agent's start that runs beside the application's, on a daemon thread: defines the bootstrap
 * classes, publishes the settings to them, builds the enabled instrumentations and their {@link AdviceTransformer}
 * and hands it to the {@link CandidateFilter}, then retransforms the candidates already loaded
 * ({@link LoadedCandidates}). Candidate classes the application loads meanwhile wait for it in the filter. A failure
 * leaves the application running without the agent, with one line on the standard error stream.
 */
final class BackgroundInstallation implements Runnable {

  private static final String THREAD_NAME = "openreplay-agent-installer";

  private final Instrumentation instrumentation;
  private final AgentConfig config;
  private final List<String> enabledNames;
  private final CandidateClasses candidates;
  private final CandidateFilter filter;
  private final long created = System.nanoTime();

  BackgroundInstallation(Instrumentation instrumentation, AgentConfig config,
      List<String> enabledNames, CandidateClasses candidates, CandidateFilter filter) {
    this.instrumentation = instrumentation;
    this.config = config;
    this.enabledNames = List.copyOf(enabledNames);
    this.candidates = candidates;
    this.filter = filter;
  }

  /** Runs the installation on a daemon thread of its own. */
  void start() {
    Thread thread = new Thread(this, THREAD_NAME);
    thread.setDaemon(true);
    filter.installingOn(thread);
    thread.start();
  }

  /** Runs the installation on this thread, before returning. */
  void runHere() {
    filter.installingOn(Thread.currentThread());
    run();
  }

  @Override
  public void run() {
    try {
      BootstrapInjector.inject(instrumentation);
      config.publish();
      keepByteBuddyOffUnsafe();
      List<LibraryInstrumentation> enabled =
          Instrumentations.all().stream().filter(library -> enabledNames.contains(library.name())).toList();
      filter.delegateTo(transformer(enabled));
      Set<Class<?>> loaded = LoadedCandidates.find(instrumentation, candidates);
      if (!loaded.isEmpty()) {
        loaded.forEach(type -> candidates.add(type.getName()));
        instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
      }
      for (LibraryInstrumentation library : enabled) {
        library.installed(instrumentation, candidates);
      }
      AgentLog.debug("ready " + (System.nanoTime() - created) / 1_000_000 + " ms after the agent started");
    } catch (Throwable failure) {
      filter.abandon();
      System.err.println("[openreplay-agent] not started, the application runs without it: " + failure);
    }
  }

  private ClassFileTransformer transformer(List<LibraryInstrumentation> enabled) {
    List<AdviceWeaving> weavings = new ArrayList<>();
    for (LibraryInstrumentation library : enabled) {
      for (TypeInstrumentation type : library.types()) {
        weavings.add(new AdviceWeaving(library.name(), type));
      }
    }
    return new AdviceTransformer(instrumentation, weavings, BackgroundInstallation.class.getClassLoader(),
        CurrentToken.class.getModule());
  }

  /**
   * Byte Buddy's safe mode: the agent needs none of its {@code sun.misc.Unsafe} paths, which recent JDKs warn about
   * on the console. The property's name is the relocated one, so only the agent's own Byte Buddy reads it.
   */
  private static void keepByteBuddyOffUnsafe() {
    if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
      System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    }
  }
}
