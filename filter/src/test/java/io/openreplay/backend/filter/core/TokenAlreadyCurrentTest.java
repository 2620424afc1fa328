package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.AttachCounter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A request that comes in on a thread where a token is already current, attached before the filter and listener
 * saw the request (as the OpenReplay agent does), is passed through: it is not looked at, nothing is attached for it
 * and the token that was current stays so.
 */
class TokenAlreadyCurrentTest extends BindingFixture {

  @Test
  void theFilterAndTheListenerAttachNothingForARequestThatComesInWithItsTokenCurrent() {
    String token = newToken();
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
      assertEquals(token, mdcToken());
    }
    assertEquals(1, AttachCounter.attaches(token), "attached once, before the request came in");
    assertEquals(0, AttachCounter.open(token));
    assertNull(mdcToken());
  }

  @Test
  void whicheverTokenIsCurrentTheRequestsOwnIsNotAttachedOverIt() {
    String current = newToken();
    String requests = newToken();
    PlainRequest request = requestWith(requests);
    try (ContextScope before = OpenReplayContext.attach(SessionToken.parseOrNull(current))) {
      FilterEntry entry = filter.enter(request);
      assertEquals(current, mdcToken());
      filter.exit(request, entry);
    }
    assertEquals(0, AttachCounter.attaches(requests));
  }
}
