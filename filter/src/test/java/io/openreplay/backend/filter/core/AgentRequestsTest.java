package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.testing.Tokens;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The binding with and without the agent's marker: while the agent attaches requests, the binding attaches nothing. */
class AgentRequestsTest {

  private final RequestBinding<PlainRequest> binding = new RequestBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);

  @AfterEach
  void clean() {
    System.clearProperty(AgentRequests.PROPERTY);
    MDC.clear();
  }

  private static PlainRequest requestWith(String token) {
    return new PlainRequest().header("X-OpenReplay-SessionToken", token);
  }

  @Test
  void withTheAgentsMarkerTheFilterAndTheListenerAttachNothing() {
    System.setProperty(AgentRequests.PROPERTY, AgentRequests.ACTIVE);
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(token);

    binding.requestInitialized(request);
    RequestBinding.Entry entry = binding.enter(request);
    assertNull(entry.token(), "the filter has no token to hand over");
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
    assertEquals(Optional.empty(), OpenReplayContext.current());
    assertTrue(request.attributes.isEmpty(), "the request is not even looked at: " + request.attributes);
    request.asyncStarted = true;
    binding.exit(request, entry);
    binding.requestDestroyed(request);

    assertEquals(0, AttachCounter.attaches(token));
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
  }

  @Test
  void withoutTheMarkerTheFilterAndTheListenerAttachAsBefore() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(token);

    binding.requestInitialized(request);
    RequestBinding.Entry entry = binding.enter(request);
    assertEquals(token, entry.token().token());
    assertEquals(token, MDC.get(SessionToken.TOKEN_KEY));
    binding.exit(request, entry);
    binding.requestDestroyed(request);

    assertEquals(1, AttachCounter.attaches(token));
    assertEquals(0, AttachCounter.open(token));
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
  }

  @Test
  void onlyTheValueActiveHandsRequestsToTheAgent() {
    System.setProperty(AgentRequests.PROPERTY, "inactive");
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(token);
    RequestBinding.Entry entry = binding.enter(request);
    assertEquals(token, MDC.get(SessionToken.TOKEN_KEY));
    binding.exit(request, entry);
    assertEquals(1, AttachCounter.attaches(token));
  }

  @Test
  void aRequestAttachedBeforeTheMarkerAppearedIsStillDetached() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = requestWith(token);
    binding.requestInitialized(request);
    RequestBinding.Entry entry = binding.enter(request);
    System.setProperty(AgentRequests.PROPERTY, AgentRequests.ACTIVE);
    binding.exit(request, entry);
    binding.requestDestroyed(request);
    assertEquals(1, AttachCounter.attaches(token));
    assertEquals(0, AttachCounter.open(token));
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
  }
}
