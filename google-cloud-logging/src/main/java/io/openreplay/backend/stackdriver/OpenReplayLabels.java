package io.openreplay.backend.stackdriver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.cloud.logging.LogEntry;
import io.openreplay.backend.SessionToken;

/** Writes the OpenReplay labels of one logging event onto a Cloud Logging entry. */
final class OpenReplayLabels {

  private OpenReplayLabels() {
  }

  /**
   * Adds {@code openReplaySessionToken} and {@code openReplaySession.id} when the event carries them; adds nothing
   * for an event without a (valid) token.
   */
  static void addTo(LogEntry.Builder entry, ILoggingEvent event) {
    SessionToken token = SessionToken.fromKeys(event.getMDCPropertyMap());
    if (token == null) {
      return;
    }
    if (token.token() != null) {
      entry.addLabel(SessionToken.TOKEN_KEY, token.token());
    }
    if (token.sessionId() != null) {
      entry.addLabel(SessionToken.SESSION_ID_KEY, token.sessionId());
    }
  }

  /**
   * @return whether an MDC key is one of the two whose values only {@link #addTo} writes, validated
   */
  static boolean isOpenReplayKey(String key) {
    return SessionToken.TOKEN_KEY.equals(key) || SessionToken.SESSION_ID_KEY.equals(key);
  }
}
