package io.openreplay.backend.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's entry points: {@code -javaagent:openreplay-agent.jar} calls {@link #premain(String, Instrumentation)},
 * an attach at run time calls {@link #agentmain(String, Instrumentation)}.
 *
 * <p>Nothing here may stop the application: any failure of the agent's start-up is reported in one line on the
 * standard error stream and the application runs on without the agent. No class of the bootstrap package is
 * touched before {@link BackgroundInstallation} has defined them, so that they are only ever loaded from the
 * bootstrap class loader.
 */
public final class OpenReplayAgent {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private OpenReplayAgent() {
  }

  /**
   * Called by the JVM before {@code main} for {@code -javaagent}.
   *
   * @param arguments the text after {@code =} in {@code -javaagent:openreplay-agent.jar=...}, ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, true);
  }

  /**
   * Called by the JVM when the agent is attached to a running JVM: everything is installed, and the classes already
   * loaded retransformed, before this returns.
   *
   * @param arguments ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation, false);
  }

  private static void start(Instrumentation instrumentation, boolean besideTheApplication) {
    if (!STARTED.compareAndSet(false, true)) {
      System.err.println("[openreplay-agent] already started in this JVM; started once only");
      return;
    }
    long started = System.nanoTime();
    try {
      AgentInstaller.install(instrumentation, besideTheApplication);
      AgentLog.debug("started in " + (System.nanoTime() - started) / 1_000_000 + " ms"
          + (besideTheApplication ? "; the rest is installed beside the application" : ""));
    } catch (Throwable failure) {
      System.err.println("[openreplay-agent] not started, the application runs without it: " + failure);
    }
  }
}
