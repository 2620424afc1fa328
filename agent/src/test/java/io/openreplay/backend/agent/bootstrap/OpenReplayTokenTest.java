package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap copy of the token rule: the contract's vectors, and the same answer as the filter's SessionToken. */
class OpenReplayTokenTest {

  private static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  @Test
  void contractVectorGivesTheSessionId() {
    OpenReplayToken token = OpenReplayToken.parse(CONTRACT_TOKEN);
    assertEquals(CONTRACT_TOKEN, token.token());
    assertEquals("2618307011354435587", token.sessionId());
  }

  @Test
  void negativeDelayLegacyThreePartsAndBareIdAreAccepted() {
    assertEquals("2618307011354435587", OpenReplayToken.parse("jw4wdfpgqhoj.-3az.lrraavgc.sig").sessionId());
    assertEquals("2618307011354435587", OpenReplayToken.parse("jw4wdfpgqhoj.lrraavgc.sig").sessionId());
    OpenReplayToken bare = OpenReplayToken.parse("2618307011354435587");
    assertNull(bare.token());
    assertEquals("2618307011354435587", bare.sessionId());
    OpenReplayToken opaque = OpenReplayToken.parse("opaque_value");
    assertEquals("opaque_value", opaque.token());
    assertNull(opaque.sessionId());
  }

  @Test
  void hostileValuesAreRejected() {
    for (String hostile : hostile()) {
      assertNull(OpenReplayToken.parse(hostile), hostile);
    }
    assertNull(OpenReplayToken.parse(null));
  }

  @Test
  void answersExactlyAsTheFiltersSessionToken() {
    List<String> corpus = new ArrayList<>(hostile());
    corpus.addAll(List.of(CONTRACT_TOKEN, "jw4wdfpgqhoj.-3az.lrraavgc.sig", "a.b", "a.b.c.d.e", "a..b.c", ".a.b.c",
        "a.b.c.", "zzzzzzzzzzzzzz.1.2.3", "18446744073709551615", "18446744073709551616", "007", "-1.2.3",
        "x_y.1.2", "ABC.def.ghi", "0", "a".repeat(256)));
    for (String value : corpus) {
      SessionToken expected = SessionToken.parseOrNull(value);
      OpenReplayToken actual = OpenReplayToken.parse(value);
      if (expected == null) {
        assertNull(actual, value);
      } else {
        assertEquals(expected.token(), actual.token(), value);
        assertEquals(expected.sessionId(), actual.sessionId(), value);
      }
      SessionToken expectedParts = SessionToken.ofParts(value, value);
      OpenReplayToken actualParts = OpenReplayToken.ofParts(value, value);
      assertEquals(expectedParts == null ? null : expectedParts.token(), actualParts == null ? null : actualParts.token());
      assertEquals(expectedParts == null ? null : expectedParts.sessionId(),
          actualParts == null ? null : actualParts.sessionId());
    }
  }

  private static List<String> hostile() {
    return List.of("", "a\rb", "a\nb", "a\u0000b", "a b", "a\"b", "a]b", "a=b", "tökén", "a".repeat(257),
        "x".repeat(1_000_000), "<script>", "a'b", "a;b");
  }
}
