package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.internal.RateLimitedLog;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The filter's part of the request logic, for both servlet APIs: each entry into a request attaches the
 * request's token to the thread unless it is already current there, and its exit, on every path, restores what
 * the thread had before. A request that arrives with somebody else's token current (the OpenReplay agent's) is
 * passed through ({@link RequestTokens}).
 *
 * <p>Nothing here throws into the request: a failure of this logic leaves the request without a token.
 *
 * @param <R> the servlet API's request type
 */
public final class FilterBinding<R> {

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(FilterBinding.class), 60, TimeUnit.SECONDS);

  private final RequestTokens<R> tokens;
  private final RequestAccess<R> access;

  /**
   * @param headers the headers that carry the token
   * @param access how to read the servlet API's requests
   */
  public FilterBinding(TokenHeaders headers, RequestAccess<R> access) {
    this.tokens = new RequestTokens<>(headers, access);
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * The filter's entry: attaches the request's token to this thread unless it is already current here, or the
   * request is passed through.
   *
   * @param request the request
   * @return what {@link #exit(Object, FilterEntry)} undoes; never {@code null}, never throws
   */
  public FilterEntry enter(R request) {
    try {
      ServedRequest served = ServedRequest.ofThisThread();
      RequestToken nested = served.tokenOf(request, access);
      if (nested != null) {
        return new FilterEntry(nested, AttachOnce.attach(nested.token), served);
      }
      SessionToken current = OpenReplayContext.current().orElse(null);
      RequestToken read = tokens.enteringFilter(request, current != null);
      if (read == null) {
        return FilterEntry.NONE;
      }
      ContextScope scope = read.token == null || read.token == current ? ContextScope.NOOP
          : OpenReplayContext.attach(read.token);
      FilterEntry entry = new FilterEntry(read, scope, served);
      served.request = request;
      served.token = read;
      return entry;
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's token could not be attached: {}", e.toString());
      return FilterEntry.NONE;
    }
  }

  /**
   * The filter's exit, on every path: restores what the thread had before {@link #enter(Object)}. When the request
   * went asynchronous, the attachment a request listener made on this thread ends too
   * ({@link ListenerBinding}), since containers tell the listener of the request's end only on the thread that
   * completes it.
   *
   * @param request the request
   * @param entry what {@link #enter(Object)} returned
   */
  public void exit(R request, FilterEntry entry) {
    entry.scope.close();
    entry.restoreServed();
    if (entry.requestToken == null) {
      return;
    }
    try {
      if (access.isAsyncStarted(request)) {
        tokens.keepForDispatches(request, entry.requestToken);
        ListenerBinding.endOnThisThread(entry.requestToken);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's asynchronous state could not be read: {}", e.toString());
    }
  }
}
