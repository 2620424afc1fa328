package io.openreplay.backend.log4j2.apitoslf4j;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.ThreadContextAttachListener;
import io.openreplay.backend.spi.AttachListener;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Log4j's API routed to SLF4J and logback ({@code log4j-to-slf4j}, no log4j-core; Spring Boot's default): the
 * ThreadContext is a view of the SLF4J MDC that {@code OpenReplayContext} writes, so the keys are there once and the
 * listener leaves them alone.
 */
class ThreadContextRoutedToSlf4jTest {

  @Test
  void theThreadContextIsTheMdcAndTheListenerPutsNothing() {
    assertEquals("ch.qos.logback.classic.util.LogbackMDCAdapter", MDC.getMDCAdapter().getClass().getName());
    ThreadContext.put("routed", "yes");
    assertEquals("yes", MDC.get("routed"), "the ThreadContext writes the SLF4J MDC");
    ThreadContext.remove("routed");
    SessionToken token = SessionToken.parse(CONTRACT_TOKEN).orElseThrow();
    try (ContextScope ignored = OpenReplayContext.attach(token)) {
      assertEquals(CONTRACT_TOKEN, ThreadContext.get(SessionToken.TOKEN_KEY));
      assertEquals(CONTRACT_ID, ThreadContext.get(SessionToken.SESSION_ID_KEY));
      assertSame(AttachListener.Detach.NOTHING, new ThreadContextAttachListener().onAttach(token));
    }
    assertNull(ThreadContext.get(SessionToken.TOKEN_KEY));
    assertNull(MDC.get(SessionToken.SESSION_ID_KEY));
  }
}
