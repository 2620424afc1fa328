package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.testing.Tokens;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A request that comes in on a thread where a token is already current, attached before the filter and listener
 * saw the request (as the OpenReplay agent does), is passed through: it is not looked at, nothing is attached for it
 * and the token that was current stays so.
 */
class TokenAlreadyCurrentTest {

  private final ListenerBinding<PlainRequest> listener =
      new ListenerBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);
  private final FilterBinding<PlainRequest> filter = new FilterBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);

  @AfterEach
  void clean() {
    MDC.clear();
  }

  private static PlainRequest requestWith(String token) {
    return new PlainRequest().header("X-OpenReplay-SessionToken", token);
  }

  @Test
  void theFilterAndTheListenerAttachNothingForARequestThatComesInWithItsTokenCurrent() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(token);
    SessionToken attachedBefore = SessionToken.parseOrNull(token);
    try (ContextScope before = OpenReplayContext.attach(attachedBefore)) {
      listener.requestInitialized(request);
      FilterEntry entry = filter.enter(request);
      FilterEntry nested = filter.enter(request);
      assertNull(entry.token(), "the filter has no token to hand over");
      assertNull(nested.token());
      assertTrue(request.attributes.isEmpty(), "the request is not even looked at: " + request.attributes);
      assertEquals(Optional.of(attachedBefore), OpenReplayContext.current());
      request.asyncStarted = true;
      filter.exit(request, nested);
      filter.exit(request, entry);
      listener.requestDestroyed(request);
      assertEquals(Optional.of(attachedBefore), OpenReplayContext.current(), "what was current stays current");
      assertEquals(token, MDC.get(SessionToken.TOKEN_KEY));
    }
    assertEquals(1, AttachCounter.attaches(token), "attached once, before the request came in");
    assertEquals(0, AttachCounter.open(token));
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
  }

  @Test
  void whicheverTokenIsCurrentTheRequestsOwnIsNotAttachedOverIt() {
    String current = Tokens.forSession(Tokens.randomSessionId());
    String requests = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(requests);
    try (ContextScope before = OpenReplayContext.attach(SessionToken.parseOrNull(current))) {
      FilterEntry entry = filter.enter(request);
      assertEquals(current, MDC.get(SessionToken.TOKEN_KEY));
      filter.exit(request, entry);
    }
    assertEquals(0, AttachCounter.attaches(requests));
  }
}
