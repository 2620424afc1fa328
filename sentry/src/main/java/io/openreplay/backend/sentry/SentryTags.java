package io.openreplay.backend.sentry;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.SessionUrl;

/**
 * The Sentry tags of a token: {@value SessionToken#TOKEN_KEY}, {@value SessionToken#SESSION_ID_KEY} and, when
 * OpenReplay's URL and project id are configured, {@value SessionUrl#TAG} ({@link SessionUrl}).
 * Free of Sentry types, so that it loads whether or not Sentry is on the class path.
 */
final class SentryTags {

  /** Sentry keeps tag values of at most 200 characters; a longer token would be dropped by Sentry's server. */
  static final int MAX_TAG_VALUE_LENGTH = 200;

  /** Where the tags of a token are written. */
  interface Target {
    /**
     * @param key the tag's name
     * @param value the tag's value
     */
    void set(String key, String value);

    /**
     * @param key the name of a tag to remove
     */
    void remove(String key);
  }

  private SentryTags() {
  }

  /**
   * Sets both tags from the token, and removes a tag the token has no value for (so that a tag of an outer token
   * never survives under an inner one).
   *
   * @param token the token, never {@code null}
   * @param target where the tags go
   */
  static void write(SessionToken token, Target target) {
    String value = token.token();
    if (value != null && value.length() <= MAX_TAG_VALUE_LENGTH) {
      target.set(SessionToken.TOKEN_KEY, value);
    } else {
      target.remove(SessionToken.TOKEN_KEY);
    }
    String sessionId = token.sessionId();
    if (sessionId != null) {
      target.set(SessionToken.SESSION_ID_KEY, sessionId);
    } else {
      target.remove(SessionToken.SESSION_ID_KEY);
    }
    String link = SessionUrl.configured().of(token);
    if (link != null) {
      target.set(SessionUrl.TAG, link);
    } else {
      target.remove(SessionUrl.TAG);
    }
  }
}
