package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;

/** Whether a received text carries an OpenReplay key, for the table's "with token" column. */
final class TokenMentions {

  private TokenMentions() {
  }

  /**
   * @param text a message, line or record content, possibly {@code null}
   * @return whether it holds {@code openReplaySessionToken=} or {@code openReplaySession.id=}, as the message prefix
   *     writes them
   */
  static boolean inText(String text) {
    return text != null
        && (text.contains(SessionToken.TOKEN_KEY + "=") || text.contains(SessionToken.SESSION_ID_KEY + "="));
  }
}
