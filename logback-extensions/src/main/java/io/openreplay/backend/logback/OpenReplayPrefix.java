package io.openreplay.backend.logback;

import io.openreplay.backend.SessionToken;

/**
 * The message prefix that OpenReplay's message-based lookups find (Elasticsearch, CloudWatch, Datadog, Sumo Logic,
 * Dynatrace): {@code [openReplaySessionToken=TOKEN] } for G1 and {@code [openReplaySession.id=ID] } for G2, each
 * followed by one space.
 */
public final class OpenReplayPrefix {

  private OpenReplayPrefix() {
  }

  /**
   * @param token the token, possibly {@code null}
   * @param generations which parts to write
   * @return the prefix, empty when there is no token or nothing to write for these generations
   */
  public static String of(SessionToken token, Generations generations) {
    if (token == null) {
      return "";
    }
    StringBuilder prefix = new StringBuilder(112);
    appendTo(prefix, token, generations);
    return prefix.toString();
  }

  /**
   * Appends the prefix to {@code out}.
   *
   * @param out where the prefix goes
   * @param token the token, possibly {@code null}
   * @param generations which parts to write
   */
  public static void appendTo(StringBuilder out, SessionToken token, Generations generations) {
    if (token == null) {
      return;
    }
    if (generations.token() && token.token() != null) {
      out.append('[').append(SessionToken.TOKEN_KEY).append('=').append(token.token()).append("] ");
    }
    if (generations.sessionId() && token.sessionId() != null) {
      out.append('[').append(SessionToken.SESSION_ID_KEY).append('=').append(token.sessionId()).append("] ");
    }
  }
}
