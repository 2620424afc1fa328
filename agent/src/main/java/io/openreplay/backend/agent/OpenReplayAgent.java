package io.openreplay.backend.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:openreplay-agent.jar} calls {@link #premain(String, Instrumentation)},
 * an attach at run time calls {@link #agentmain(String, Instrumentation)}.
 *
 * <p>Nothing here may stop the application: any failure of the agent's start-up is reported in one line on the
 * standard error stream and the application runs on without the agent. This class references no other agent
 * class directly until the bootstrap holder is in place, so that the holder is only ever loaded from the bootstrap
 * class loader.
 */
public final class OpenReplayAgent {

  private OpenReplayAgent() {
  }

  /**
   * Called by the JVM before {@code main} for {@code -javaagent}.
   *
   * @param arguments the text after {@code =} in {@code -javaagent:openreplay-agent.jar=...}, ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  /**
   * Called by the JVM when the agent is attached to a running JVM.
   *
   * @param arguments ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  private static void start(Instrumentation instrumentation) {
    try {
      BootstrapInjector.inject(instrumentation);
      AgentInstaller.install(instrumentation);
    } catch (Throwable failure) {
      System.err.println("[openreplay-agent] not started, the application runs without it: " + failure);
    }
  }
}
