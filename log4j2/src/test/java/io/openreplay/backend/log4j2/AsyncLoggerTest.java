package io.openreplay.backend.log4j2;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Log4j's async loggers ({@code <AsyncRoot>}, on the LMAX Disruptor): the event is formatted on Log4j's own thread
 * after the request has detached its token, and still carries it, in {@code %openReplay} and in the JSON template.
 */
class AsyncLoggerTest {

  static final String PREFIX = "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID
      + "] ";

  @TempDir
  Path dir;

  @Test
  void theEventKeepsTheTokenItWasLoggedWith() throws Exception {
    Path plain = dir.resolve("app.log");
    Path json = dir.resolve("app.json");
    try (XmlLog4j log4j = XmlLog4j.configure("<Configuration status='WARN'><Appenders>"
        + "<File name='PLAIN' fileName='" + plain + "'><PatternLayout pattern='%-5level [%t] %openReplay%m%n'/></File>"
        + "<File name='JSON' fileName='" + json + "'>"
        + "<JsonTemplateLayout eventTemplateUri='classpath:OpenReplayLayout.json'/></File>"
        + "</Appenders><Loggers><AsyncRoot level='INFO'><AppenderRef ref='PLAIN'/><AppenderRef ref='JSON'/>"
        + "</AsyncRoot></Loggers></Configuration>")) {
      Logger log = log4j.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        log.error("payment failed");
      }
      log.error("nightly job failed");
      assertEquals(List.of(), log4j.warnings());
    }
    List<String> lines = Files.readAllLines(plain, StandardCharsets.UTF_8);
    String thread = Thread.currentThread().getName();
    assertEquals(List.of("ERROR [" + thread + "] " + PREFIX + "payment failed", "ERROR [" + thread + "] nightly job failed"),
        lines);
    List<String> documents = Files.readAllLines(json, StandardCharsets.UTF_8);
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode request = mapper.readTree(documents.get(0));
    assertEquals(PREFIX + "payment failed", request.path("message").asString());
    assertEquals(CONTRACT_ID, request.path(SessionToken.SESSION_ID_KEY).asString());
    assertFalse(mapper.readTree(documents.get(1)).has(SessionToken.TOKEN_KEY));
  }
}
