package io.openreplay.backend.log4j2.elsewhere;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.XmlLog4j;
import io.openreplay.backend.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * SLF4J bound to logback while the application logs through Log4j's API on log4j-core (run without
 * {@code log4j-slf4j2-impl}): the SLF4J MDC is logback's, so the listener puts both keys into Log4j's ThreadContext,
 * and puts back what was there before when the token is detached.
 */
class ThreadContextWithSlf4jOnLogbackTest {

  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    ThreadContext.clearMap();
  }

  @Test
  void slf4jIsBoundToLogback() {
    assertEquals("ch.qos.logback.classic.util.LogbackMDCAdapter", MDC.getMDCAdapter().getClass().getName());
  }

  @Test
  void theListenerPutsBothKeysAndRestoresWhatWasThere() {
    SessionToken token = SessionToken.parse(CONTRACT_TOKEN).orElseThrow();
    ThreadContext.put(SessionToken.TOKEN_KEY, "set-by-the-application");
    try (ContextScope ignored = OpenReplayContext.attach(token)) {
      assertEquals(CONTRACT_TOKEN, MDC.get(SessionToken.TOKEN_KEY));
      assertEquals(CONTRACT_TOKEN, ThreadContext.get(SessionToken.TOKEN_KEY));
      assertEquals(CONTRACT_ID, ThreadContext.get(SessionToken.SESSION_ID_KEY));
      String inner = Tokens.forSession(4_242_424_242L);
      try (ContextScope nested = OpenReplayContext.attach(SessionToken.parse(inner).orElseThrow())) {
        assertEquals(inner, ThreadContext.get(SessionToken.TOKEN_KEY));
        assertEquals("4242424242", ThreadContext.get(SessionToken.SESSION_ID_KEY));
      }
      assertEquals(CONTRACT_TOKEN, ThreadContext.get(SessionToken.TOKEN_KEY));
      try (ContextScope bare = OpenReplayContext.attach(SessionToken.parse("4242").orElseThrow())) {
        assertNull(ThreadContext.get(SessionToken.TOKEN_KEY), "a bare id has no token");
        assertEquals("4242", ThreadContext.get(SessionToken.SESSION_ID_KEY));
      }
      assertEquals(CONTRACT_ID, ThreadContext.get(SessionToken.SESSION_ID_KEY));
    }
    assertEquals("set-by-the-application", ThreadContext.get(SessionToken.TOKEN_KEY));
    assertNull(ThreadContext.get(SessionToken.SESSION_ID_KEY));
  }

  @Test
  void log4jLinesOfTheRequestCarryThePrefix() throws Exception {
    Path file = dir.resolve("app.log");
    try (XmlLog4j log4j = XmlLog4j.configure("<Configuration status='WARN'><Appenders><File name='F' fileName='"
        + file + "'><PatternLayout pattern='%-5level %openReplay%m%n'/></File></Appenders>"
        + "<Loggers><Root level='INFO'><AppenderRef ref='F'/></Root></Loggers></Configuration>")) {
      Logger log = log4j.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        log.error("payment failed");
      }
      log.error("nightly job failed");
      assertEquals(List.of(), log4j.warnings());
    }
    assertEquals(List.of("ERROR [openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID
        + "] payment failed", "ERROR nightly job failed"), Files.readAllLines(file, StandardCharsets.UTF_8));
  }
}
