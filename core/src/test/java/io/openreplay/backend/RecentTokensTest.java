package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The table of recently parsed values gives back the same token, and never a token for a different value. */
class RecentTokensTest {

  @Test
  void theSameValueGivesTheTokenParsedBefore() {
    SessionToken first = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
    SessionToken again = SessionToken.parseOrNull(new StringBuilder(Tokens.CONTRACT_TOKEN));
    assertSame(first, again);
    assertEquals(Tokens.CONTRACT_ID, again.sessionId());
  }

  @Test
  void aValueThatSharesASlotIsParsedOnItsOwn() {
    RecentTokens recent = new RecentTokens();
    SessionToken kept = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
    recent.keep(Tokens.CONTRACT_TOKEN, kept);
    // same length, same first, middle and last characters: the same slot, a different value
    char[] other = Tokens.CONTRACT_TOKEN.toCharArray();
    other[5] = other[5] == 'x' ? 'y' : 'x';
    String neighbour = new String(other);
    assertNull(recent.find(neighbour));
    assertSame(kept, recent.find(Tokens.CONTRACT_TOKEN));
    recent.keep(neighbour, SessionToken.parseOrNull(neighbour));
    assertNull(recent.find(Tokens.CONTRACT_TOKEN), "the neighbour took the slot");
  }

  @Test
  void aBareIdIsKeptByItsValueAsReceived() {
    SessionToken padded = SessionToken.parseOrNull("000123");
    assertEquals("123", padded.sessionId());
    assertSame(padded, SessionToken.parseOrNull("000123"));
    assertEquals("123", SessionToken.parseOrNull("123").sessionId());
  }

  @Test
  void invalidValuesAreNeverKept() {
    assertNull(SessionToken.parseOrNull("abc def"));
    assertNull(SessionToken.parseOrNull("abc def"));
    assertNull(SessionToken.parseOrNull("<script>"));
  }
}
