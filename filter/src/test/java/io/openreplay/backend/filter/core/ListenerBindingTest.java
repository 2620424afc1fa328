package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.filter.support.AttachCounter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerBindingTest extends BindingFixture {

  @Test
  void listenerThenFilterAttachOnceAndTheListenerDetaches() {
    String token = newToken();
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
    String token = newToken();
    PlainRequest request = requestWith(token);
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
    String first = newToken();
    PlainRequest async = requestWith(first);
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
