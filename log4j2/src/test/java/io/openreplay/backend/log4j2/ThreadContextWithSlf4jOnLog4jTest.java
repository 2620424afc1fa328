package io.openreplay.backend.log4j2;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;
import io.openreplay.backend.testing.Tokens;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * SLF4J bound to Log4j ({@code log4j-slf4j2-impl}): the SLF4J MDC that {@code OpenReplayContext} writes is Log4j's
 * ThreadContext, so the keys are there without the listener, which puts nothing a second time and undoes nothing.
 */
class ThreadContextWithSlf4jOnLog4jTest {

  @AfterEach
  void clear() {
    ThreadContext.clearMap();
  }

  @Test
  void slf4jIsBoundToLog4j() {
    assertEquals("org.apache.logging.slf4j.Log4jMDCAdapter", MDC.getMDCAdapter().getClass().getName());
  }

  @Test
  void theMdcPutsBothKeysIntoTheThreadContextAndTheListenerLeavesThemAlone() {
    SessionToken token = SessionToken.parse(CONTRACT_TOKEN).orElseThrow();
    ThreadContext.put("requestId", "r-1");
    try (ContextScope ignored = OpenReplayContext.attach(token)) {
      assertEquals(CONTRACT_TOKEN, ThreadContext.get(SessionToken.TOKEN_KEY));
      assertEquals(CONTRACT_ID, ThreadContext.get(SessionToken.SESSION_ID_KEY));
      assertSame(AttachListener.Detach.NOTHING, new ThreadContextAttachListener().onAttach(token),
          "the keys are there already: nothing is put twice");
      String inner = Tokens.forSession(4_242_424_242L);
      try (ContextScope nested = OpenReplayContext.attach(SessionToken.parse(inner).orElseThrow())) {
        assertEquals(inner, ThreadContext.get(SessionToken.TOKEN_KEY));
        assertEquals("4242424242", ThreadContext.get(SessionToken.SESSION_ID_KEY));
      }
      assertEquals(CONTRACT_TOKEN, ThreadContext.get(SessionToken.TOKEN_KEY));
      assertEquals(CONTRACT_ID, ThreadContext.get(SessionToken.SESSION_ID_KEY));
    }
    assertNull(ThreadContext.get(SessionToken.TOKEN_KEY));
    assertNull(ThreadContext.get(SessionToken.SESSION_ID_KEY));
    assertEquals("r-1", ThreadContext.get("requestId"));
  }
}
