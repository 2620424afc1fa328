package io.openreplay.backend.bench.process;

import java.util.List;

/** How the clinic's JVM is started: as users run it, with the OpenReplay agent, or with OpenTelemetry's. */
public enum AgentSetup {

  /** No agent: the baseline every round compares against. */
  NONE("none"),

  /** {@code -javaagent:openreplay-agent.jar}, nothing else. */
  OPENREPLAY("openreplay"),

  /** {@code -javaagent:opentelemetry-javaagent.jar} with its trace, metric and log exporters off. */
  OPENTELEMETRY("opentelemetry");

  private final String label;

  AgentSetup(String label) {
    this.label = label;
  }

  /**
   * @return the setup's name in options and tables
   */
  public String label() {
    return label;
  }

  /**
   * @param paths where the agent jars are
   * @return the JVM arguments that attach this setup's agent
   */
  public List<String> agentArguments(BuildPaths paths) {
    switch (this) {
      case OPENREPLAY:
        return List.of("-javaagent:" + paths.agentJar());
      case OPENTELEMETRY:
        return List.of("-javaagent:" + paths.otelJar(), "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
            "-Dotel.logs.exporter=none");
      default:
        return List.of();
    }
  }

  /**
   * @param label a setup's name, as {@link #label()} gives it
   * @return the setup
   * @throws IllegalArgumentException for an unknown name
   */
  public static AgentSetup ofLabel(String label) {
    for (AgentSetup setup : values()) {
      if (setup.label.equalsIgnoreCase(label.trim())) {
        return setup;
      }
    }
    throw new IllegalArgumentException("unknown setup '" + label + "': none, openreplay or opentelemetry");
  }
}
