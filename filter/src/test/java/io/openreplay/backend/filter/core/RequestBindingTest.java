package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.testing.Tokens;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestBindingTest {

  private final RequestBinding<PlainRequest> binding = new RequestBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);

  @AfterEach
  void clean() {
    MDC.clear();
  }

  private static String mdcToken() {
    return MDC.get(SessionToken.TOKEN_KEY);
  }

  @Test
  void nestedEntriesOfOneRequestAttachOnce() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", token);
    RequestBinding.Entry outer = binding.enter(request);
    RequestBinding.Entry inner = binding.enter(request);
    assertEquals(token, mdcToken());
    binding.exit(request, inner);
    assertEquals(token, mdcToken());
    binding.exit(request, outer);
    assertNull(mdcToken());
    assertEquals(1, AttachCounter.attaches(token));
    assertEquals(0, AttachCounter.open(token));
  }

  @Test
  void listenerThenFilterAttachOnceAndTheListenerDetaches() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-Session-Token", token);
    binding.requestInitialized(request);
    RequestBinding.Entry entry = binding.enter(request);
    binding.exit(request, entry);
    assertEquals(token, mdcToken(), "the listener's attachment outlives the filter");
    binding.requestDestroyed(request);
    assertNull(mdcToken());
    assertEquals(1, AttachCounter.attaches(token));
  }

  @Test
  void anotherThreadOfTheSameRequestGetsTheTokenForItsDispatch() throws Exception {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", token);
    RequestBinding.Entry first = binding.enter(request);
    request.asyncStarted = true;
    binding.exit(request, first);
    assertNull(mdcToken());
    String[] seen = CompletableFuture.supplyAsync(() -> {
      RequestBinding.Entry dispatch = binding.enter(request);
      String during = mdcToken();
      binding.exit(request, dispatch);
      return new String[] {during, mdcToken()};
    }).get(10, TimeUnit.SECONDS);
    assertEquals(token, seen[0]);
    assertNull(seen[1]);
  }

  @Test
  void anAsynchronousRequestsFilterExitRemovesTheListenersToken() {
    String token = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", token);
    binding.requestInitialized(request);
    RequestBinding.Entry entry = binding.enter(request);
    request.asyncStarted = true;
    binding.exit(request, entry);
    assertNull(mdcToken());
    assertEquals(Optional.empty(), OpenReplayContext.current());
    binding.requestDestroyed(request);
    assertEquals(0, AttachCounter.open(token));
  }

  @Test
  void aListenerScopeLeftByAnAsynchronousRequestIsClosedByTheThreadsNextRequest() {
    String first = Tokens.forSession(Tokens.randomSessionId());
    PlainRequest async = new PlainRequest().header("X-OpenReplay-SessionToken", first);
    binding.requestInitialized(async);
    assertEquals(first, mdcToken());
    PlainRequest next = new PlainRequest();
    binding.requestInitialized(next);
    assertNull(mdcToken());
    binding.requestDestroyed(next);
    binding.requestDestroyed(async);
    assertNull(mdcToken());
    assertEquals(0, AttachCounter.open(first));
  }

  @Test
  void requestsWithoutAValidTokenAttachNothingAndAreLookedUpOnce() {
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", "bad\r\nvalue");
    RequestBinding.Entry entry = binding.enter(request);
    assertNull(entry.token());
    assertNull(mdcToken());
    request.header("X-OpenReplay-Session-Token", "late-valid-value");
    RequestBinding.Entry again = binding.enter(request);
    assertNull(again.token(), "the headers are read once per request");
    binding.exit(request, again);
    binding.exit(request, entry);
  }

  @Test
  void aBrokenRequestNeverThrows() {
    RequestBinding<PlainRequest> broken = new RequestBinding<>(TokenHeaders.DEFAULT, new RequestAccess<>() {
      @Override
      public java.util.Enumeration<String> headers(PlainRequest request, String name) {
        throw new IllegalStateException("recycled");
      }

      @Override
      public Object attribute(PlainRequest request, String name) {
        throw new IllegalStateException("recycled");
      }

      @Override
      public void setAttribute(PlainRequest request, String name, Object value) {
        throw new IllegalStateException("recycled");
      }

      @Override
      public boolean isAsyncStarted(PlainRequest request) {
        throw new IllegalStateException("recycled");
      }
    });
    PlainRequest request = new PlainRequest();
    RequestBinding.Entry entry = broken.enter(request);
    broken.exit(request, entry);
    broken.requestInitialized(request);
    broken.requestDestroyed(request);
    assertNull(mdcToken());
  }
}
