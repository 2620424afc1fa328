package io.openreplay.backend.testkit.dynatrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynatraceQueryTest {

  private static final DynatraceQuery OPENREPLAY = DynatraceQuery.parse(DynatraceLookup.QUERY_PREFIX + "42");

  private static DynatraceLogRecord record(String severity, Map<String, String> attributes) {
    String loglevel = DynatraceLogLevels.loglevel(severity);
    return new DynatraceLogRecord(Instant.EPOCH, "boom", loglevel, DynatraceLogLevels.status(loglevel), attributes);
  }

  @Test
  void openReplaysQueryFindsAnErrorOrWarningOfTheSession() {
    assertTrue(OPENREPLAY.matches(record("ERROR", Map.of("openReplaySession.id", "42"))));
    assertTrue(OPENREPLAY.matches(record("warn", Map.of("openReplaySession.id", "42"))));
    assertTrue(OPENREPLAY.matches(record("severe", Map.of("openReplaySession.id", "42"))), "SEVERE is status ERROR");
  }

  @Test
  void otherSessionInfoAndMissingAttributeAreNotFound() {
    assertFalse(OPENREPLAY.matches(record("ERROR", Map.of("openReplaySession.id", "43"))), "another session");
    assertFalse(OPENREPLAY.matches(record("ERROR", Map.of("openReplaySession.id", "420"))), "a longer id");
    assertFalse(OPENREPLAY.matches(record("INFO", Map.of("openReplaySession.id", "42"))), "INFO");
    assertFalse(OPENREPLAY.matches(record("DEBUG", Map.of("openReplaySession.id", "42"))), "DEBUG");
    assertFalse(OPENREPLAY.matches(record(null, Map.of("openReplaySession.id", "42"))), "no level: NONE");
    assertFalse(OPENREPLAY.matches(record("ERROR", Map.of("openReplaySessionToken", "jw4w.3az"))), "no id attribute");
    assertFalse(OPENREPLAY.matches(record("ERROR", Map.of("openreplaysession.id", "42"))), "keys are exact");
  }

  @Test
  void andBindsBeforeOr() {
    DynatraceQuery query = DynatraceQuery.parse("status=\"WARN\" OR status=\"ERROR\" AND a=1");
    assertTrue(query.matches(record("WARN", Map.of())));
    assertFalse(query.matches(record("ERROR", Map.of())));
    assertTrue(query.matches(record("ERROR", Map.of("a", "1"))));
    assertTrue(DynatraceQuery.parse(" ").matches(record("INFO", Map.of())));
  }

  @Test
  void formsNotModelledAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DynatraceQuery.parse("status!=\"ERROR\""));
    assertThrows(IllegalArgumentException.class, () -> DynatraceQuery.parse("NOT status=\"ERROR\""));
    assertThrows(IllegalArgumentException.class, () -> DynatraceQuery.parse("(status=\"ERROR\""));
    assertThrows(IllegalArgumentException.class, () -> DynatraceQuery.parse("status=\"ERROR"));
    assertThrows(IllegalArgumentException.class, () -> DynatraceQuery.parse("boom"));
  }

  @Test
  void levelsMapAsDynatraceDocumentsThem() {
    assertEquals("EMERGENCY", DynatraceLogLevels.loglevel("Fatal"));
    assertEquals("ERROR", DynatraceLogLevels.loglevel("error"));
    assertEquals("SEVERE", DynatraceLogLevels.loglevel("serious"));
    assertEquals("WARN", DynatraceLogLevels.loglevel("Warning"));
    assertEquals("DEBUG", DynatraceLogLevels.loglevel("TRACE"));
    assertEquals("INFO", DynatraceLogLevels.loglevel("info"));
    assertEquals("NONE", DynatraceLogLevels.loglevel("42"));
    assertEquals("ERROR", DynatraceLogLevels.status("CRITICAL"));
    assertEquals("INFO", DynatraceLogLevels.status("DEBUG"));
    assertEquals("NONE", DynatraceLogLevels.status("NONE"));
  }
}
