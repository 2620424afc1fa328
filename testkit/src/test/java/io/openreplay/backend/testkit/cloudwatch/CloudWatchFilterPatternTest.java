package io.openreplay.backend.testkit.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CloudWatchFilterPatternTest {

  @Test
  void openReplaysTermMatchesThePrefixAsAWholeWord() {
    CloudWatchFilterPattern pattern = CloudWatchFilterPattern.parse("openReplaySessionToken");
    assertTrue(pattern.matches("ERROR a - [openReplaySessionToken=jw4w.3az] boom"));
    assertTrue(pattern.matches("openReplaySessionToken"));
    assertFalse(pattern.matches("ERROR a - [openReplaySessionTokens=jw4w] boom"));
    assertFalse(pattern.matches("ERROR a - [xopenReplaySessionToken=jw4w] boom"));
    assertFalse(pattern.matches("ERROR a - [openreplaysessiontoken=jw4w] boom"), "terms are case-sensitive");
  }

  @Test
  void allTermsAnyTermsExcludedTermsAndPhrases() {
    assertTrue(CloudWatchFilterPattern.parse("ERROR token").matches("ERROR: token lost"));
    assertFalse(CloudWatchFilterPattern.parse("ERROR token").matches("ERROR: lost"));
    assertTrue(CloudWatchFilterPattern.parse("?ERROR ?Exception").matches("java.lang.Exception: x"));
    assertFalse(CloudWatchFilterPattern.parse("?ERROR ?Exception").matches("INFO fine"));
    assertFalse(CloudWatchFilterPattern.parse("token -INFO").matches("INFO token"));
    assertTrue(CloudWatchFilterPattern.parse("\"id=42]\"").matches("[openReplaySession.id=42] x"));
    assertTrue(CloudWatchFilterPattern.parse("").matches("anything"));
    assertTrue(CloudWatchFilterPattern.parse(null).matches("anything"));
  }

  @Test
  void patternFormsNotAnsweredHereAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CloudWatchFilterPattern.parse("{ $.level = \"ERROR\" }"));
    assertThrows(IllegalArgumentException.class, () -> CloudWatchFilterPattern.parse("[ip, user]"));
    assertThrows(IllegalArgumentException.class, () -> CloudWatchFilterPattern.parse("%ERR.*%"));
    assertThrows(IllegalArgumentException.class, () -> CloudWatchFilterPattern.parse("\"unclosed"));
  }
}
