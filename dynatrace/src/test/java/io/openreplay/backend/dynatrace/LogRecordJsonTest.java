package io.openreplay.backend.dynatrace;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.openreplay.backend.Generations;
import io.openreplay.backend.SessionToken;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One record's JSON, read back with a real JSON parser. */
class LogRecordJsonTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private final Logger logger = new LoggerContext().getLogger("shop.Checkout");

  private LoggingEvent event(Level level, String message, Throwable throwable, Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent("fqcn", logger, level, message, throwable, null);
    event.setMDCPropertyMap(mdc == null ? Map.of() : mdc);
    event.setThreadName("http-nio-8080-exec-1");
    return event;
  }

  private static JsonNode json(LoggingEvent event, Generations generations) {
    return MAPPER.readTree(LogRecordJson.of(event, LogRecordJson.defaultContent(event), generations));
  }

  @Test
  void levelsBecomeTheStatusDynatraceGroupsAsOpenReplaySearches() {
    assertEquals("ERROR", LevelStatus.of(Level.ERROR));
    assertEquals("WARN", LevelStatus.of(Level.WARN));
    assertEquals("INFO", LevelStatus.of(Level.INFO));
    assertEquals("DEBUG", LevelStatus.of(Level.DEBUG));
    assertEquals("TRACE", LevelStatus.of(Level.TRACE));
  }

  @Test
  void aRecordCarriesContentStatusTimeAndTheTokensAttributes() {
    Map<String, String> mdc = Map.of(SessionToken.TOKEN_KEY, CONTRACT_TOKEN, SessionToken.SESSION_ID_KEY, CONTRACT_ID,
        "orderId", "A-17");
    JsonNode record = json(event(Level.ERROR, "payment failed", null, mdc), Generations.BOTH);
    assertEquals("payment failed", record.path("content").asString());
    assertEquals("ERROR", record.path("status").asString());
    assertTrue(record.path("timestamp").asString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z"),
        record.path("timestamp").asString());
    assertEquals("shop.Checkout", record.path("logger.name").asString());
    assertEquals("http-nio-8080-exec-1", record.path("thread.name").asString());
    assertEquals("A-17", record.path("orderId").asString());
    assertEquals(CONTRACT_ID, record.path("openReplaySession.id").asString());
    assertEquals(CONTRACT_TOKEN, record.path("openReplaySessionToken").asString());
  }

  @Test
  void generationsNarrowTheTokenAttributes() {
    Map<String, String> mdc = Map.of(SessionToken.TOKEN_KEY, CONTRACT_TOKEN);
    JsonNode g2 = json(event(Level.ERROR, "x", null, mdc), Generations.G2);
    assertEquals(CONTRACT_ID, g2.path("openReplaySession.id").asString(), "the id derived from the token");
    assertFalse(g2.has("openReplaySessionToken"));
    JsonNode g1 = json(event(Level.ERROR, "x", null, mdc), Generations.G1);
    assertFalse(g1.has("openReplaySession.id"));
    assertEquals(CONTRACT_TOKEN, g1.path("openReplaySessionToken").asString());
  }

  @Test
  void invalidTokenValuesInTheMdcAreNotWritten() {
    Map<String, String> mdc = Map.of(SessionToken.TOKEN_KEY, "\"><script>", SessionToken.SESSION_ID_KEY, "1 OR 1");
    JsonNode record = json(event(Level.ERROR, "x", null, mdc), Generations.BOTH);
    assertFalse(record.has("openReplaySession.id"));
    assertFalse(record.has("openReplaySessionToken"));
  }

  @Test
  void withoutTokenNoTokenAttributes() {
    JsonNode record = json(event(Level.ERROR, "x", null, null), Generations.BOTH);
    assertFalse(record.has("openReplaySession.id"));
    assertEquals("x", record.path("content").asString());
  }

  @Test
  void escapingKeepsEveryCharacter() {
    String message = "quote \" backslash \\ newline \n tab \t cr \r nul \u0000 bell \u0007 sep \u2028 emoji \uD83D\uDE00";
    JsonNode record = json(event(Level.WARN, message, null, Map.of("k\"ey\n", "v\\al")), Generations.BOTH);
    assertEquals(message, record.path("content").asString());
    assertEquals("v\\al", record.path("k\"ey\n").asString());
    assertEquals("WARN", record.path("status").asString());
    JsonNode lone = json(event(Level.WARN, "lone \uD83D surrogate", null, null), Generations.BOTH);
    assertEquals("lone \uFFFD surrogate", lone.path("content").asString());
  }

  @Test
  void mdcKeysDynatraceWouldReadAsLevelContentOrTimeAreMoved() {
    Map<String, String> mdc = new HashMap<>();
    mdc.put("level", "INFO");
    mdc.put("loglevel", "DEBUG");
    mdc.put("message", "forged");
    mdc.put("timestamp", "0");
    JsonNode record = json(event(Level.ERROR, "real", null, mdc), Generations.BOTH);
    assertEquals("ERROR", record.path("status").asString());
    assertEquals("real", record.path("content").asString());
    assertFalse(record.has("level") || record.has("loglevel") || record.has("message"));
    assertEquals("INFO", record.path("mdc.level").asString());
    assertEquals("DEBUG", record.path("mdc.loglevel").asString());
    assertEquals("0", record.path("mdc.timestamp").asString());
  }

  @Test
  void anExceptionGoesIntoTheContentAndItsAttributes() {
    JsonNode record = json(event(Level.ERROR, "failed", new IllegalStateException("declined"), null),
        Generations.BOTH);
    String content = record.path("content").asString();
    assertTrue(content.startsWith("failed\njava.lang.IllegalStateException: declined"), content);
    assertTrue(content.contains("\tat io.openreplay.backend.dynatrace.LogRecordJsonTest"), content);
    assertEquals("java.lang.IllegalStateException", record.path("exception.type").asString());
    assertEquals("declined", record.path("exception.message").asString());
  }
}
