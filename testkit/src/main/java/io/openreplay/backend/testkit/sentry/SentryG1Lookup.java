package io.openreplay.backend.testkit.sentry;

import io.openreplay.backend.SessionToken;
import java.util.Collection;
import java.util.List;

/**
 * OpenReplay G1's Sentry lookup (up to OpenReplay 1.20): it lists the project's events and links an error event to
 * a session through the event's tag {@value SessionToken#TOKEN_KEY}. A value under {@code extra} or
 * {@code contexts} is not seen.
 */
public final class SentryG1Lookup {

  private SentryG1Lookup() {
  }

  /**
   * @param events events as received
   * @return the error events OpenReplay G1 links to some session, in the given order
   */
  public static List<ReceivedSentryEvent> linked(Collection<ReceivedSentryEvent> events) {
    return events.stream().filter(ReceivedSentryEvent::isError).filter(event -> event.tag(SessionToken.TOKEN_KEY) != null)
        .toList();
  }

  /**
   * @param events events as received
   * @param token the session token
   * @return the error events OpenReplay G1 links to the session of {@code token}, in the given order
   */
  public static List<ReceivedSentryEvent> linkedTo(Collection<ReceivedSentryEvent> events, String token) {
    return linked(events).stream().filter(event -> token.equals(event.tag(SessionToken.TOKEN_KEY))).toList();
  }
}
