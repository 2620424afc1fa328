package io.openreplay.backend;

import java.util.List;

/** The request headers that carry the token, as OpenReplay's tracker and documentation name them. */
public final class HeaderNames {

  /**
   * In order of preference: the documented name and the tracker's {@code network} option, the default of the
   * tracker's axios plugin, and the G2 documentation's header, which carries the numeric id alone.
   */
  public static final List<String> DEFAULT =
      List.of("X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token", SessionToken.SESSION_ID_KEY);

  private HeaderNames() {
  }
}
