package io.openreplay.backend;

import java.util.Locale;

/**
 * Which OpenReplay generations an output serves: G1 (up to 1.20) looks up the session token
 * ({@code openReplaySessionToken}), G2 (1.21 and later) the numeric session id ({@code openReplaySession.id}).
 * Serving both is the default, so that old and new OpenReplay alike find the event.
 */
public enum Generations {
  /** Only the token, for OpenReplay up to 1.20. */
  G1(true, false),
  /** Only the session id, for OpenReplay 1.21 and later. */
  G2(false, true),
  /** The token and the session id. */
  BOTH(true, true);

  private final boolean token;
  private final boolean sessionId;

  Generations(boolean token, boolean sessionId) {
    this.token = token;
    this.sessionId = sessionId;
  }

  /**
   * Reads an option as written in a configuration file: {@code G1}, {@code G2} or {@code BOTH}, in any case.
   *
   * @param option the option, possibly {@code null} or blank
   * @return the generations; {@link #BOTH} when the option is absent or not understood
   */
  public static Generations parse(String option) {
    if (option == null || option.isBlank()) {
      return BOTH;
    }
    switch (option.trim().toUpperCase(Locale.ROOT)) {
      case "G1":
        return G1;
      case "G2":
        return G2;
      default:
        return BOTH;
    }
  }

  /**
   * @return whether the token ({@code openReplaySessionToken}) is written
   */
  public boolean token() {
    return token;
  }

  /**
   * @return whether the session id ({@code openReplaySession.id}) is written
   */
  public boolean sessionId() {
    return sessionId;
  }
}
