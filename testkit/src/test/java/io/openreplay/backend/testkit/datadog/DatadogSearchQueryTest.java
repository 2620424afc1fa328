package io.openreplay.backend.testkit.datadog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DatadogSearchQueryTest {

  private static final String ID = "2618307011354435587";
  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final DatadogSearchQuery G2 = DatadogSearchQuery.parse("openReplaySession.id=" + ID);
  private static final DatadogSearchQuery G1 = DatadogSearchQuery.parse("status:error openReplaySessionToken");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static DatadogLog log(String message, String status) {
    return log(message, status, JSON.createObjectNode());
  }

  private static DatadogLog log(String message, String status, ObjectNode attributes) {
    return new DatadogLog("1", "main", Instant.now(), message, status, "shop", "host", "java", List.of("env:test"),
        attributes);
  }

  @Test
  void theExactTermIsFound() {
    assertTrue(G2.matches(log("[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + ID + "] payment failed",
        "error")));
    assertTrue(G2.matches(log("openReplaySession.id=" + ID, "info")), "the whole message, any status");
    assertTrue(G2.matches(log("ERROR Checkout - payment failed openReplaySession.id=" + ID + ", retrying", "info")));
    assertTrue(G2.matches(log("[OPENREPLAYSESSION.ID=" + ID + "]", "info")), "free text is case-insensitive");
  }

  @Test
  void anotherIdIsNotFound() {
    assertFalse(G2.matches(log("[openReplaySession.id=2618307011354435588] payment failed", "error")));
  }

  @Test
  void theIdAsThePrefixOfALongerIdIsNotFound() {
    assertFalse(G2.matches(log("[openReplaySession.id=" + ID + "1] payment failed", "error")));
    assertFalse(G2.matches(log("[openReplaySession.id=" + ID + ".5] payment failed", "error")),
        "the dot is a word character: 2618....5 is another word");
    assertFalse(G2.matches(log("[xopenReplaySession.id=" + ID + "]", "error")), "nor as the end of a longer name");
  }

  /** The dot is part of the word: the name must be written with it, and nothing else takes its place. */
  @ParameterizedTest
  @ValueSource(strings = {"openReplaySession id=", "openReplaySession_id=", "openReplaySessionid=",
      "openReplaySession-id=", "openReplaySession.id.x="})
  void theDotIsPartOfTheName(String name) {
    assertFalse(G2.matches(log("[" + name + ID + "]", "error")), name);
  }

  /** The stricter reading of the unescaped {@code =}: the character itself is required. */
  @ParameterizedTest
  @ValueSource(strings = {"openReplaySession.id ", "openReplaySession.id:", "openReplaySession.id: ",
      "openReplaySession.id==", "openReplaySession.id= "})
  void theEqualsSignIsRequired(String name) {
    assertFalse(G2.matches(log("[" + name + ID + "]", "error")), name);
  }

  @Test
  void anEscapedEqualsSignMeansTheSame() {
    assertTrue(DatadogSearchQuery.parse("openReplaySession.id\\=" + ID).matches(log("openReplaySession.id=" + ID,
        "info")));
  }

  @Test
  void freeTextReadsTheMessageOnly() {
    ObjectNode attributes = JSON.createObjectNode().put("openReplaySession.id", ID)
        .put("note", "openReplaySession.id=" + ID);
    assertFalse(G2.matches(log("payment failed", "error", attributes)));
    assertTrue(DatadogSearchQuery.parse("@openReplaySession.id:" + ID).matches(log("payment failed", "error",
        attributes)), "an attribute search finds the attribute");
  }

  @Test
  void statusErrorKeepsErrorsOnly() {
    String message = "[openReplaySessionToken=" + TOKEN + "] payment failed";
    assertTrue(G1.matches(log(message, "error")));
    assertFalse(G1.matches(log(message, "warn")));
    assertFalse(G1.matches(log(message, "critical")), "critical is another status");
    assertFalse(G1.matches(log(message, "info")));
    assertFalse(G1.matches(log("payment failed", "error")), "and the term is needed too");
    assertFalse(G1.matches(log("openReplaySessionTokens=" + TOKEN, "error")), "as a whole word");
  }

  @Test
  void reservedAttributesAndTags() {
    assertTrue(DatadogSearchQuery.parse("service:shop env:test").matches(log("x", "info")));
    assertFalse(DatadogSearchQuery.parse("service:other").matches(log("x", "info")));
    assertFalse(DatadogSearchQuery.parse("env:prod").matches(log("x", "info")));
    assertTrue(DatadogSearchQuery.parse("*").matches(log("x", "info")));
    assertTrue(DatadogSearchQuery.parse("").matches(log("x", "info")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a OR b", "-error", "(a b)", "open*", "@code:>400", "\"unclosed"})
  void syntaxThisModelDoesNotAnswerIsRefused(String query) {
    assertThrows(IllegalArgumentException.class, () -> DatadogSearchQuery.parse(query));
  }
}
