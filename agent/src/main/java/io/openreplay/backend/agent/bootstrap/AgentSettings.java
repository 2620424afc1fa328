package io.openreplay.backend.agent.bootstrap;

/**
 * The settings that advice reads, set once when the agent starts: the header names, which OpenReplay generations
 * are served, and which log events get the message prefix.
 */
public final class AgentSettings {

  /** The header names of the contract, in the order they are tried. */
  public static final String[] DEFAULT_HEADER_NAMES = {
      "X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token", "openReplaySession.id"};

  private static volatile String[] headerNames = DEFAULT_HEADER_NAMES.clone();
  private static volatile boolean writeToken = true;
  private static volatile boolean writeSessionId = true;
  private static volatile PrefixMode prefixMode = PrefixMode.ERRORS;

  private AgentSettings() {
  }

  /**
   * Sets what advice reads from now on.
   *
   * @param headers the header names to try, first valid value wins
   * @param token whether the token is written (OpenReplay G1)
   * @param sessionId whether the session id is written (OpenReplay G2)
   * @param prefix which log events get the message prefix
   */
  public static void configure(String[] headers, boolean token, boolean sessionId, PrefixMode prefix) {
    headerNames = headers.clone();
    writeToken = token;
    writeSessionId = sessionId;
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
   * @return whether {@code openReplaySessionToken} is written (OpenReplay G1)
   */
  public static boolean writeToken() {
    return writeToken;
  }

  /**
   * @return whether {@code openReplaySession.id} is written (OpenReplay G2)
   */
  public static boolean writeSessionId() {
    return writeSessionId;
  }

  /**
   * @return which log events get the message prefix
   */
  public static PrefixMode prefixMode() {
    return prefixMode;
  }
}
