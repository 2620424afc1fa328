package io.openreplay.backend.log4j2;

import io.openreplay.backend.Generations;
import io.openreplay.backend.MessagePrefix;
import io.openreplay.backend.SessionToken;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;

/**
 * The message prefix ({@link MessagePrefix}) of a Log4j 2 event, from the token in its context data
 * ({@link LogEventTokens}).
 */
public final class LogEventPrefix {

  private LogEventPrefix() {
  }

  /**
   * The prefix to write in front of an event's message: the prefix of the token the event carries, or nothing when
   * it carries none or when its message already starts with an OpenReplay prefix (written once, whoever wrote it
   * first).
   *
   * @param event the log event
   * @param generations which parts to write
   * @return the prefix, possibly empty
   */
  public static String of(LogEvent event, Generations generations) {
    SessionToken token = LogEventTokens.of(event);
    if (token == null) {
      return "";
    }
    Message message = event.getMessage();
    if (message != null && MessagePrefix.isPrefixed(message.getFormattedMessage())) {
      return "";
    }
    return MessagePrefix.of(token, generations);
  }
}
