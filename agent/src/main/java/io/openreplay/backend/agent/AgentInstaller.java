package io.openreplay.backend.agent;

import io.openreplay.backend.agent.config.AgentConfig;
import io.openreplay.backend.agent.matching.CandidateClasses;
import io.openreplay.backend.agent.matching.CandidateFilter;
import io.openreplay.backend.agent.matching.CandidateList;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * What the agent does before the application's {@code main}, kept short: reads the settings, reads the enabled
 * instrumentations' {@link CandidateClasses} from the {@link CandidateList} (no instrumentation is built, so no
 * Byte Buddy class is loaded here), registers the {@link CandidateFilter}, and starts the
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
  static void install(Instrumentation instrumentation, boolean besideTheApplication) throws IOException {
    AgentConfig config = AgentConfig.fromSystem();
    AgentLog.enableDebug(config.debug());
    if (!config.enabled()) {
      AgentLog.debug("disabled by " + AgentConfig.ENABLED + "; nothing is instrumented");
      return;
    }
    CandidateList list = CandidateList.inAgentJar();
    CandidateClasses candidates = new CandidateClasses();
    List<String> enabled = list.addEnabled(config::instrumentationEnabled, candidates);
    for (String library : list.libraries()) {
      AgentLog.debug("instrumentation " + library + (enabled.contains(library) ? " is on" : " is off"));
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
