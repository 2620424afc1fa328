package io.openreplay.backend.testkit.sentry;

import io.openreplay.backend.SessionToken;
import java.util.Collection;
import java.util.List;

/**
 * OpenReplay G2's Sentry lookup (1.21 and later): it asks Sentry's events endpoint for
 * {@code query=openReplaySession.id=<id>}, a search over the events' tags, and keeps the error events.
 */
public final class SentryG2Lookup {

  private SentryG2Lookup() {
  }

  /**
   * @param sessionId the numeric session id, in decimal
   * @return the query OpenReplay G2 sends, {@code openReplaySession.id=<id>}
   */
  public static String query(String sessionId) {
    return SessionToken.SESSION_ID_KEY + "=" + sessionId;
  }

  /**
   * Runs a {@code key=value} (events endpoint) or {@code key:value} (issues endpoint) tag query.
   *
   * @param events events as received
   * @param query the query, e.g. {@code openReplaySession.id=2618307011354435587}
   * @return the error events whose tag {@code key} equals {@code value}, in the given order
   * @throws IllegalArgumentException when the query has no {@code =} or {@code :}
   */
  public static List<ReceivedSentryEvent> run(Collection<ReceivedSentryEvent> events, String query) {
    int separator = query.indexOf('=');
    if (separator < 0) {
      separator = query.lastIndexOf(':');
    }
    if (separator <= 0) {
      throw new IllegalArgumentException("not a tag query: " + query);
    }
    String key = query.substring(0, separator);
    String value = query.substring(separator + 1);
    return events.stream().filter(ReceivedSentryEvent::isError).filter(event -> value.equals(event.tag(key))).toList();
  }

  /**
   * @param events events as received
   * @param sessionId the numeric session id, in decimal
   * @return the error events OpenReplay G2 finds for the session
   */
  public static List<ReceivedSentryEvent> forSession(Collection<ReceivedSentryEvent> events, String sessionId) {
    return run(events, query(sessionId));
  }
}
