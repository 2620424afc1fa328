package io.openreplay.backend;

/**
 * The message prefix that OpenReplay's message-based lookups find (Elasticsearch, CloudWatch, Datadog, Sumo Logic,
 * Dynatrace): {@code [openReplaySessionToken=TOKEN] } for G1 and {@code [openReplaySession.id=ID] } for G2, each
 * followed by one space. Needs only the JDK.
 */
public final class MessagePrefix {

  private static final String TOKEN_START = "[" + SessionToken.TOKEN_KEY + "=";
  private static final String SESSION_ID_START = "[" + SessionToken.SESSION_ID_KEY + "=";

  private MessagePrefix() {
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
    String[] made = token.prefixes;
    String prefix = made[generations.ordinal()];
    if (prefix == null) {
      StringBuilder text = new StringBuilder(160);
      appendTo(text, token, generations);
      prefix = text.toString();
      made[generations.ordinal()] = prefix;
    }
    return prefix;
  }

  /**
   * @param message a message, possibly {@code null}
   * @return whether it starts with an OpenReplay prefix
   */
  public static boolean isPrefixed(String message) {
    return message != null && (message.startsWith(TOKEN_START) || message.startsWith(SESSION_ID_START));
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
      out.append(TOKEN_START).append(token.token()).append("] ");
    }
    if (generations.sessionId() && token.sessionId() != null) {
      out.append(SESSION_ID_START).append(token.sessionId()).append("] ");
    }
  }
}
