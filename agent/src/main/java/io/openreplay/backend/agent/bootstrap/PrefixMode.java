package io.openreplay.backend.agent.bootstrap;

import java.util.Locale;

/** Which log events get the {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] } message prefix. */
public enum PrefixMode {
  /** Events of level ERROR and above (the default): what OpenReplay's message-based lookups read. */
  ERRORS,
  /** Every event that carries a token. */
  ALL,
  /** No event: the token travels only in the event's MDC map. */
  OFF;

  /**
   * Reads the option as configured: {@code errors}, {@code all} or {@code off}, in any case.
   *
   * @param option the option, possibly {@code null}
   * @return the mode; {@link #ERRORS} when the option is absent or not understood
   */
  public static PrefixMode parse(String option) {
    if (option == null) {
      return ERRORS;
    }
    switch (option.trim().toLowerCase(Locale.ROOT)) {
      case "all":
        return ALL;
      case "off":
      case "none":
        return OFF;
      default:
        return ERRORS;
    }
  }

  /**
   * @param error whether the event is of level ERROR or above
   * @return whether such an event gets the prefix
   */
  public boolean applies(boolean error) {
    return this == ALL || (this == ERRORS && error);
  }
}
