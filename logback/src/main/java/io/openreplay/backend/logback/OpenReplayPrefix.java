package io.openreplay.backend.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.Generations;
import io.openreplay.backend.MessagePrefix;

/**
 * The message prefix ({@link MessagePrefix}) of a logback event, from the token the event carries in its own MDC
 * map ({@link EventTokens}).
 */
public final class OpenReplayPrefix {

  private OpenReplayPrefix() {
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
    if (MessagePrefix.isPrefixed(event.getFormattedMessage())) {
      return "";
    }
    return MessagePrefix.of(EventTokens.of(event), generations);
  }
}
