package io.openreplay.backend.bench.soak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the soak app runs: the plain application with the agent, the library user's application without it, or (on
 * request only) the library user's application with the agent too.
 */
public enum SoakSetup {

  /** {@code -javaagent:openreplay-agent.jar}, the application unaware of OpenReplay, no OpenReplay jar on its path. */
  AGENT("agent", "plain", true, "-javaagent, the application unaware of OpenReplay (no OpenReplay jar on its"
      + " classpath, %msg pattern)"),

  /** No agent: {@code openreplay-filter}'s filter and listener, {@code OpenReplayContext.wrap}, %openReplay layout. */
  FILTER("filter", "library", false, "openreplay-filter's filter and listener, OpenReplayContext.wrap'ed executor"
      + " and fork-join tasks, openreplay-logback's %openReplay layout"),

  /** The library user's application of {@link #FILTER} with {@code -javaagent} too: one token, written once. */
  BOTH("both", "library", true, "the filter setup's application with -javaagent too (README: Agent and filter"
      + " together)");

  private final String label;
  private final String wiring;
  private final boolean agent;
  private final String description;

  SoakSetup(String label, String wiring, boolean agent, String description) {
    this.label = label;
    this.wiring = wiring;
    this.agent = agent;
    this.description = description;
  }

  /**
   * @return the setup's name in options and reports
   */
  public String label() {
    return label;
  }

  /**
   * @return what the setup is, in words
   */
  public String description() {
    return description;
  }

  /**
   * @param settings the run's settings
   * @return the {@code java} command line that starts the soak app in this setup
   * @throws IOException when the classpath file cannot be read
   */
  public List<String> command(SoakSettings settings) throws IOException {
    // The common pool with one worker, whatever the machine: no worker then waits in join() for a subtask another
    // one runs, so the pool never starts a spare thread, and its threads are the same at every checkpoint.
    List<String> command = new ArrayList<>(List.of(settings.java().toString(), "-Xms" + settings.heap(),
        "-Xmx" + settings.heap(), "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1"));
    if (agent) {
      command.add("-javaagent:" + settings.paths().agentJar());
    }
    command.addAll(settings.appOptions());
    command.addAll(List.of("-Dsoak.wiring=" + wiring, "-Dlogback.configurationFile=logback-" + wiring + ".xml",
        "-cp", settings.paths().appClasspath(!"plain".equals(wiring)), "io.openreplay.backend.bench.soakapp.SoakApp"));
    return command;
  }

  /**
   * @param label a setup's name
   * @return the setup
   * @throws IllegalArgumentException for an unknown name
   */
  public static SoakSetup ofLabel(String label) {
    for (SoakSetup setup : values()) {
      if (setup.label.equalsIgnoreCase(label.trim())) {
        return setup;
      }
    }
    throw new IllegalArgumentException("unknown setup '" + label + "': agent, filter or both");
  }
}
