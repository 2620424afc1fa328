package io.openreplay.backend.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
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
   * The prefix to write in front of an event's message: the prefix of the token the event carries, or nothing when
   * the message already starts with an OpenReplay prefix, so that the prefix is written once. (The
   * {@code -javaagent} never changes an event's message: it prefixes the rendered {@code %msg}, and in a layout that
   * has {@code %openReplay} too, whichever comes first writes the prefix.)
   *
   * @param event the logging event
   * @param generations which parts to write
   * @return the prefix, possibly empty
   */
  public static String forEvent(ILoggingEvent event, Generations generations) {
    if (isPrefixed(event.getFormattedMessage())) {
      return "";
    }
    return of(EventTokens.of(event), generations);
  }

  /**
   * @param message a message, possibly {@code null}
   * @return whether it starts with an OpenReplay prefix
   */
  public static boolean isPrefixed(String message) {
    return message != null
        && (message.startsWith("[" + SessionToken.TOKEN_KEY + "=") || message.startsWith("[" + SessionToken.SESSION_ID_KEY + "="));
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
