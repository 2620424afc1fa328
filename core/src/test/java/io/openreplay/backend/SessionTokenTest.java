package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.testing.Tokens;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

  @Test
  void contractTestVector() {
    SessionToken token = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
    assertEquals(Tokens.CONTRACT_TOKEN, token.token());
    assertEquals("2618307011354435587", token.sessionId());
  }

  @Test
  void negativeDelayKeepsTheSessionId() {
    SessionToken token = SessionToken.parse("jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q")
        .orElseThrow();
    assertEquals("2618307011354435587", token.sessionId());
    assertEquals("jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q", token.token());
  }

  @Test
  void legacyThreePartToken() {
    SessionToken token = SessionToken.parse("jw4wdfpgqhoj.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q")
        .orElseThrow();
    assertEquals("2618307011354435587", token.sessionId());
    assertEquals("jw4wdfpgqhoj.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q", token.token());
  }

  @Test
  void bareNumericSessionId() {
    SessionToken token = SessionToken.parse("2618307011354435587").orElseThrow();
    assertNull(token.token());
    assertEquals("2618307011354435587", token.sessionId());
    assertEquals("42", SessionToken.parse("0042").orElseThrow().sessionId());
  }

  @Test
  void unsignedSixtyFourBitIds() {
    // The largest unsigned 64-bit value in base 36 is 3w5e11264sgsf.
    assertEquals("18446744073709551615", SessionToken.parse("3w5e11264sgsf.1.2.sig").orElseThrow().sessionId());
    assertEquals("18446744073709551615", SessionToken.parse("18446744073709551615").orElseThrow().sessionId());
  }

  @Test
  void acceptedValuesWithoutOpenReplaysShapeHaveNoSessionId() {
    for (String value : List.of("abc", "a.b", "a.b.c.d.e", "a..b.c", "a.b.c.", "3w5e11264sgsg.1.2.sig",
        "ab_c.1.2.sig", "18446744073709551616")) {
      SessionToken token = SessionToken.parse(value).orElseThrow(() -> new AssertionError(value));
      assertEquals(value, token.token(), value);
      assertNull(token.sessionId(), value);
    }
  }

  @Test
  void acceptsExactlyTheMaximumLength() {
    String longest = "a".repeat(SessionToken.MAX_LENGTH);
    assertEquals(longest, SessionToken.parse(longest).orElseThrow().token());
  }

  @Test
  void rejectsEverythingOutsideTheContractWithoutExceptions() {
    for (String value : Tokens.rejectedCorpus()) {
      String shown = value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value;
      assertEquals(Optional.empty(), SessionToken.parse(value), shown);
      assertNull(SessionToken.parseOrNull(value), shown);
      assertFalse(SessionToken.isAcceptable(value), shown);
    }
    assertEquals(Optional.empty(), SessionToken.parse(null));
    assertNull(SessionToken.parseOrNull(null));
    StringBuilder mutable = new StringBuilder("jw4wdfpgqhoj.3az").append('\n');
    assertEquals(Optional.empty(), SessionToken.parse(mutable));
  }

  @Test
  void everySingleCharacterOutsideTheAlphabetIsRejected() {
    for (char c = 0; c < 0x3000; c++) {
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      assertEquals(allowed, SessionToken.parse("ab" + c + "cd").isPresent(), "char " + (int) c);
    }
  }

  @Test
  void ofPartsRevalidates() {
    SessionToken both = SessionToken.ofParts(Tokens.CONTRACT_TOKEN, null);
    assertEquals(Tokens.CONTRACT_ID, both.sessionId());
    assertNull(SessionToken.ofParts("bad value", "12x"));
    assertEquals("7", SessionToken.ofParts(null, "7").sessionId());
    assertTrue(SessionToken.parse("x").equals(SessionToken.parse("x")));
  }
}
