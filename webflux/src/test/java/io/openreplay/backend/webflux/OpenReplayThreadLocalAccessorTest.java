package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.util.context.Context;

/**
 * The accessor as context-propagation drives it (ServiceLoader registration, a snapshot factory that clears missing
 * keys as Reactor's automatic propagation does), without a server.
 */
class OpenReplayThreadLocalAccessorTest {

  private static final ContextSnapshotFactory CLEARING =
      ContextSnapshotFactory.builder().contextRegistry(ContextRegistry.getInstance()).clearMissing(true).build();
  private static final SessionToken A = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
  private static final SessionToken B = SessionToken.parseOrNull(Tokens.forSession(Tokens.randomSessionId()));

  @Test
  void isRegisteredThroughTheServiceLoader() {
    assertTrue(ContextRegistry.getInstance().getThreadLocalAccessors().stream()
        .anyMatch(accessor -> accessor instanceof OpenReplayThreadLocalAccessor));
  }

  @Test
  void aContextsTokenIsCurrentWithItsKeysInsideTheScopeOnly() {
    try (ContextSnapshot.Scope scope = CLEARING.setThreadLocalsFrom(Context.of(ReactorTokens.KEY, A))) {
      assertEquals(A, OpenReplayContext.current().orElse(null));
      assertEquals(A.token(), MDC.get(SessionToken.TOKEN_KEY));
      assertEquals(A.sessionId(), MDC.get(SessionToken.SESSION_ID_KEY));
      try (ContextSnapshot.Scope inner = CLEARING.setThreadLocalsFrom(Context.of(ReactorTokens.KEY, B))) {
        assertEquals(B, OpenReplayContext.current().orElse(null));
        assertEquals(B.token(), MDC.get(SessionToken.TOKEN_KEY));
      }
      assertEquals(A, OpenReplayContext.current().orElse(null));
      assertEquals(A.token(), MDC.get(SessionToken.TOKEN_KEY));
    }
    assertTrue(OpenReplayContext.current().isEmpty());
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
    assertNull(MDC.get(SessionToken.SESSION_ID_KEY));
  }

  @Test
  void aSignalWithoutTokenInsideAnotherRequestsScopeLogsNoKeys() {
    try (ContextScope outer = OpenReplayContext.attach(A)) {
      try (ContextSnapshot.Scope scope = CLEARING.setThreadLocalsFrom(Context.of("other", "value"))) {
        assertNull(MDC.get(SessionToken.TOKEN_KEY));
        assertNull(MDC.get(SessionToken.SESSION_ID_KEY));
      }
      assertEquals(A.token(), MDC.get(SessionToken.TOKEN_KEY));
      assertEquals(A.sessionId(), MDC.get(SessionToken.SESSION_ID_KEY));
    }
  }

  @Test
  void aTaskCapturedWithATokenRunsWithItElsewhere() throws Exception {
    Runnable[] captured = new Runnable[1];
    String[] seen = new String[2];
    try (ContextScope outer = OpenReplayContext.attach(A)) {
      captured[0] = CLEARING.captureAll().wrap(() -> {
        seen[0] = MDC.get(SessionToken.TOKEN_KEY);
        seen[1] = OpenReplayContext.current().map(SessionToken::token).orElse(null);
      });
    }
    Thread thread = new Thread(captured[0]);
    thread.start();
    thread.join();
    assertEquals(Map.of(0, A.token(), 1, A.token()), Map.of(0, seen[0], 1, seen[1]));
  }
}
