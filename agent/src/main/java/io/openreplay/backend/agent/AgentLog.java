package io.openreplay.backend.agent;

/**
 * The agent's own lines, on the standard error stream: debug lines only when {@code openreplay.debug} is on, so
 * that an application's output is unchanged by default.
 */
public final class AgentLog {

  private static volatile boolean debug;

  private AgentLog() {
  }

  /**
   * @param enabled whether debug lines are written
   */
  public static void enableDebug(boolean enabled) {
    debug = enabled;
  }

  /**
   * Writes a debug line when debug lines are on.
   *
   * @param message the line
   */
  public static void debug(String message) {
    if (debug) {
      System.err.println("[openreplay-agent] " + message);
    }
  }
}
