package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The prefix a Jackson layout's pass holds for its message serializer: taken once per pass, nothing outside a pass,
 * and an outer pass's prefix back when an inner one ends.
 */
class MessageFieldPrefixTest {

  @Test
  void theFirstMessageOfAPassTakesThePrefixAndNoOtherDoes() {
    assertNull(MessageFieldPrefix.take(), "outside a pass");
    String outer = MessageFieldPrefix.passBegins("[p] ");
    assertEquals("[p] ", MessageFieldPrefix.take());
    assertNull(MessageFieldPrefix.take(), "once per pass");
    MessageFieldPrefix.passEnds(outer);
    assertNull(MessageFieldPrefix.take(), "after the pass");
  }

  @Test
  void anInnerPassGivesTheOuterPrefixBack() {
    String none = MessageFieldPrefix.passBegins("[outer] ");
    String outer = MessageFieldPrefix.passBegins(null);
    assertNull(MessageFieldPrefix.take(), "the inner event has no token");
    MessageFieldPrefix.passEnds(outer);
    assertEquals("[outer] ", MessageFieldPrefix.take());
    MessageFieldPrefix.passEnds(none);
    assertNull(MessageFieldPrefix.take());
  }
}
