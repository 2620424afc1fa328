package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.testing.Tokens;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ListenerBindingTest {

  private final ListenerBinding<PlainRequest> listener =
      new ListenerBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);
  private final FilterBinding<PlainRequest> filter = new FilterBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);

  @AfterEach
  void clean() {
    MDC.clear();
  }

  private static String mdcToken() {
    return MDC.get(SessionToken.TOKEN_KEY);
  }

  @Test
  void listenerThenFilterAttachOnceAndTheListenerDetaches() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-Session-Token", token);
    listener.requestInitialized(request);
    FilterEntry entry = filter.enter(request);
    assertEquals(token, entry.token().token(), "the filter finds the listener's token and hands it over");
    filter.exit(request, entry);
    assertEquals(token, mdcToken(), "the listener's attachment outlives the filter");
    listener.requestDestroyed(request);
    assertNull(mdcToken());
    assertEquals(1, AttachCounter.attaches(token));
  }

  @Test
  void anAsynchronousRequestsFilterExitRemovesTheListenersToken() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", token);
    listener.requestInitialized(request);
    FilterEntry entry = filter.enter(request);
    request.asyncStarted = true;
    filter.exit(request, entry);
    assertNull(mdcToken());
    assertEquals(Optional.empty(), OpenReplayContext.current());
    listener.requestDestroyed(request);
    assertEquals(0, AttachCounter.open(token));
  }

  @Test
  void anAttachmentLeftByAnAsynchronousRequestIsEndedByTheThreadsNextRequest() {
    String first = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest async = new PlainRequest().header("X-OpenReplay-SessionToken", first);
    listener.requestInitialized(async);
    assertEquals(first, mdcToken());
    PlainRequest next = new PlainRequest();
    listener.requestInitialized(next);
    assertNull(mdcToken());
    listener.requestDestroyed(next);
    listener.requestDestroyed(async);
    assertNull(mdcToken());
    assertEquals(0, AttachCounter.open(first));
  }
}
