package io.openreplay.backend.agent;

import io.openreplay.backend.agent.config.AgentConfig;
import io.openreplay.backend.agent.instrumentation.Instrumentations;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.matching.CandidateClasses;
import io.openreplay.backend.agent.matching.CandidateFilter;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent does before the application's {@code main}, kept short: reads the settings, lists the enabled
 * instrumentations and their {@link CandidateClasses}, registers the {@link CandidateFilter}, and starts the
 * {@link BackgroundInstallation} that does the rest while the application starts (or, when attached to a running
 * JVM, runs it before returning). It touches no bootstrap class: those are defined by the background installation
 * first.
 */
final class AgentInstaller {

  private AgentInstaller() {
  }

  /**
   * @param instrumentation the JVM's instrumentation
   * @param besideTheApplication whether Byte Buddy's part is installed on a thread of its own (at start-up), or
   *     before this returns (when attached to a running JVM)
   */
  static void install(Instrumentation instrumentation, boolean besideTheApplication) {
    AgentConfig config = AgentConfig.fromSystem();
    AgentLog.enableDebug(config.debug());
    if (!config.enabled()) {
      AgentLog.debug("disabled by " + AgentConfig.ENABLED + "; nothing is instrumented");
      return;
    }
    List<LibraryInstrumentation> enabled = new ArrayList<>();
    CandidateClasses candidates = new CandidateClasses();
    for (LibraryInstrumentation library : Instrumentations.all()) {
      if (config.instrumentationEnabled(library.name())) {
        enabled.add(library);
        library.types().forEach(candidates::addAll);
        AgentLog.debug("instrumentation " + library.name() + " is on");
      } else {
        AgentLog.debug("instrumentation " + library.name() + " is off");
      }
    }
    CandidateFilter filter = new CandidateFilter(candidates);
    instrumentation.addTransformer(filter, true);
    BackgroundInstallation installation =
        new BackgroundInstallation(instrumentation, config, enabled, candidates, filter);
    if (besideTheApplication) {
      installation.start();
    } else {
      installation.runHere();
    }
  }
}
