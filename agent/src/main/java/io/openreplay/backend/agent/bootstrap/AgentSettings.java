package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.Generations;
import io.openreplay.backend.HeaderNames;

/**
 * The settings that advice reads, set once when the agent starts: the header names, which OpenReplay generations
 * are served, and which log events get the message prefix.
 */
public final class AgentSettings {

  /** The header names of the contract ({@link HeaderNames#DEFAULT}), in the order they are tried. */
  public static final String[] DEFAULT_HEADER_NAMES = HeaderNames.DEFAULT.toArray(new String[0]);

  private static volatile String[] headerNames = DEFAULT_HEADER_NAMES.clone();
  private static volatile Generations generations = Generations.BOTH;
  private static volatile PrefixMode prefixMode = PrefixMode.ERRORS;

  private AgentSettings() {
  }

  /**
   * Sets what advice reads from now on.
   *
   * @param headers the header names to try, first valid value wins
   * @param served which OpenReplay generations' keys are written
   * @param prefix which log events get the message prefix
   */
  public static void configure(String[] headers, Generations served, PrefixMode prefix) {
    headerNames = headers.clone();
    generations = served;
    prefixMode = prefix;
  }

  /**
   * The header names to try, in order. Callers must not change the array.
   *
   * @return the header names
   */
  public static String[] headerNames() {
    return headerNames;
  }

  /**
   * @return which OpenReplay generations' keys are written: {@code openReplaySessionToken} for G1,
   *     {@code openReplaySession.id} for G2
   */
  public static Generations generations() {
    return generations;
  }

  /**
   * @return which log events get the message prefix
   */
  public static PrefixMode prefixMode() {
    return prefixMode;
  }
}
