package io.openreplay.backend.testkit.sentry;

import java.util.List;
import java.util.Map;

/**
 * One event item as the receiver parsed it from an envelope.
 *
 * @param eventId the event's id, 32 hex digits
 * @param level the event's level in Sentry's spelling ({@code error}, {@code fatal}, {@code warning}, ...), or
 *     {@code null} when the event has none
 * @param message the event's formatted message, or {@code null}
 * @param exceptionTypes the types of the event's exceptions, outermost last as Sentry sends them; empty when none
 * @param tags the event's tags ({@code event.tags}); empty when none
 * @param template the message's template ({@code logentry.message}, what Sentry groups log errors by), or
 *     {@code null}
 */
public record ReceivedSentryEvent(String eventId, String level, String message, List<String> exceptionTypes,
    Map<String, String> tags, String template) {

  /**
   * An event without a message template.
   *
   * @param eventId the event's id
   * @param level the event's level, or {@code null}
   * @param message the event's formatted message, or {@code null}
   * @param exceptionTypes the types of the event's exceptions
   * @param tags the event's tags
   */
  public ReceivedSentryEvent(String eventId, String level, String message, List<String> exceptionTypes,
      Map<String, String> tags) {
    this(eventId, level, message, exceptionTypes, tags, null);
  }

  /**
   * Copies the lists and maps, so that a record never changes.
   */
  public ReceivedSentryEvent {
    exceptionTypes = List.copyOf(exceptionTypes);
    tags = Map.copyOf(tags);
  }

  /**
   * Whether OpenReplay counts the event as an error: it has an exception, or its level is {@code error} or
   * {@code fatal}.
   *
   * @return {@code true} for an error event
   */
  public boolean isError() {
    return !exceptionTypes.isEmpty() || "error".equals(level) || "fatal".equals(level);
  }

  /**
   * @param key a tag's name
   * @return the tag's value, or {@code null} when the event has no such tag
   */
  public String tag(String key) {
    return tags.get(key);
  }
}
