package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.filter.support.AttachCounter;
import java.util.Enumeration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FilterBindingTest extends BindingFixture {

  @Test
  void nestedEntriesOfOneRequestAttachOnce() {
    String token = newToken();
    PlainRequest request = requestWith(token);
    FilterEntry outer = filter.enter(request);
    FilterEntry inner = filter.enter(request);
    assertEquals(token, mdcToken());
    assertEquals(token, inner.token().token(), "the nested entry hands the token over too");
    filter.exit(request, inner);
    assertEquals(token, mdcToken());
    filter.exit(request, outer);
    assertNull(mdcToken());
    assertEquals(1, AttachCounter.attaches(token));
    assertEquals(0, AttachCounter.open(token));
  }

  @Test
  void anEntryGivenAWrapperOfTheServedRequestIsNestedInIt() {
    String token = newToken();
    PlainRequest request = requestWith(token);
    FilterEntry outer = filter.enter(request);
    PlainRequest wrapper = new PlainRequest();
    wrapper.wrapped = request;
    wrapper.requestDispatch = false;
    FilterEntry inner = filter.enter(wrapper);
    assertEquals(token, inner.token().token(), "the wrapper's entry hands the served request's token over");
    filter.exit(wrapper, inner);
    assertEquals(token, mdcToken());
    filter.exit(request, outer);
    assertNull(mdcToken());
    assertEquals(1, AttachCounter.attaches(token));
    PlainRequest next = requestWith(newToken());
    FilterEntry nextEntry = filter.enter(next);
    FilterEntry stale = filter.enter(wrapper);
    assertNull(stale.token(), "a wrapper of a request served before is not nested in the thread's new request");
    filter.exit(wrapper, stale);
    filter.exit(next, nextEntry);
    assertNull(mdcToken());
  }

  @Test
  void anotherThreadOfTheSameRequestGetsTheTokenForItsDispatch() throws Exception {
    String token = newToken();
    PlainRequest request = requestWith(token);
    FilterEntry first = filter.enter(request);
    request.asyncStarted = true;
    filter.exit(request, first);
    assertNull(mdcToken());
    request.requestDispatch = false;
    String[] seen = CompletableFuture.supplyAsync(() -> {
      FilterEntry dispatch = filter.enter(request);
      String during = mdcToken();
      filter.exit(request, dispatch);
      return new String[] {during, mdcToken()};
    }).get(10, TimeUnit.SECONDS);
    assertEquals(token, seen[0]);
    assertNull(seen[1]);
  }

  @Test
  void requestsWithoutAValidTokenAttachNothingAndAreLookedUpOnce() {
    PlainRequest request = new PlainRequest().header("X-OpenReplay-SessionToken", "bad\r\nvalue");
    FilterEntry entry = filter.enter(request);
    assertNull(entry.token());
    assertNull(mdcToken());
    request.header("X-OpenReplay-Session-Token", "late-valid-value");
    FilterEntry again = filter.enter(request);
    assertNull(again.token(), "the headers are read once per request");
    filter.exit(request, again);
    filter.exit(request, entry);
  }

  @Test
  void aBrokenRequestNeverThrows() {
    FilterBinding<PlainRequest> broken = new FilterBinding<>(TokenHeaders.DEFAULT, new RecycledRequestAccess());
    PlainRequest request = new PlainRequest();
    FilterEntry entry = broken.enter(request);
    broken.exit(request, entry);
    ListenerBinding<PlainRequest> brokenListener =
        new ListenerBinding<>(TokenHeaders.DEFAULT, new RecycledRequestAccess());
    brokenListener.requestInitialized(request);
    brokenListener.requestDestroyed(request);
    assertNull(mdcToken());
  }

  /** The access to a request the container has recycled: every call throws. */
  private static final class RecycledRequestAccess implements RequestAccess<PlainRequest> {
    @Override
    public String header(PlainRequest request, String name) {
      throw new IllegalStateException("recycled");
    }

    @Override
    public Enumeration<String> headers(PlainRequest request, String name) {
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

    @Override
    public boolean isRequestDispatch(PlainRequest request) {
      throw new IllegalStateException("recycled");
    }

    @Override
    public PlainRequest wrapped(PlainRequest request) {
      throw new IllegalStateException("recycled");
    }
  }
}
