package io.openreplay.backend.rollbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import java.util.List;
import java.util.Optional;

/** Finds received Rollbar items by what they say, and checks the keys OpenReplay reads. */
final class RollbarItems {

  /** The contract's test vector. */
  static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  static final String SESSION_ID = "2618307011354435587";

  static final String CUSTOM_TOKEN = "/custom/openReplaySessionToken";
  static final String CUSTOM_SESSION_ID = "/custom/openReplaySession.id";
  static final String MESSAGE_TOKEN = "/body/message/openReplaySessionToken";
  static final String MESSAGE_SESSION_ID = "/body/message/openReplaySession.id";

  private RollbarItems() {
  }

  /**
   * @return the message body, or the description of an exception item (the logged message)
   */
  static String textOf(ReceivedRollbarItem item) {
    Optional<String> message = item.string("/body/message/body");
    if (message.isPresent()) {
      return message.get();
    }
    return item.string("/body/trace/exception/description")
        .or(() -> item.string("/body/trace_chain/0/exception/description"))
        .orElse("");
  }

  /** The one item whose text starts with {@code text}. */
  static ReceivedRollbarItem the(List<ReceivedRollbarItem> items, String text) {
    List<ReceivedRollbarItem> found = items.stream().filter(item -> textOf(item).startsWith(text)).toList();
    assertEquals(1, found.size(), "exactly one item '" + text + "' in " + items);
    return found.get(0);
  }

  static void assertCustomKeys(ReceivedRollbarItem item) {
    assertEquals(Optional.of(TOKEN), item.string(CUSTOM_TOKEN), "data.custom.openReplaySessionToken of " + item);
    assertEquals(Optional.of(SESSION_ID), item.string(CUSTOM_SESSION_ID), "data.custom[openReplaySession.id] of " + item);
  }

  static void assertMessageKeys(ReceivedRollbarItem item) {
    assertEquals("message", item.bodyKind());
    assertEquals(Optional.of(TOKEN), item.string(MESSAGE_TOKEN), "data.body.message.openReplaySessionToken of " + item);
    assertEquals(Optional.of(SESSION_ID), item.string(MESSAGE_SESSION_ID));
  }

  static void assertNoKeys(ReceivedRollbarItem item) {
    for (String pointer : List.of(CUSTOM_TOKEN, CUSTOM_SESSION_ID, MESSAGE_TOKEN, MESSAGE_SESSION_ID)) {
      assertFalse(item.has(pointer), pointer + " absent from " + item);
    }
  }
}
