package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.internal.RateLimitedLog;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The request listener's part of the request logic, for both servlet APIs: the request's token stays attached to
 * the thread from {@code requestInitialized} to {@code requestDestroyed}, so that it covers the container's whole
 * handling of the request, also what the container logs after the filter chain has unwound. The token is attached
 * unless it is already current, and a request that arrives with somebody else's token current (the OpenReplay
 * agent's) is passed through ({@link RequestTokens}).
 *
 * <p>The attachment is kept per thread. A request that goes asynchronous ends it early through the filter's exit
 * ({@link FilterBinding#exit(Object, FilterEntry)}); without the filter, the thread's next request ends it.
 *
 * <p>Nothing here throws into the request: a failure of this logic leaves the request without a token.
 *
 * @param <R> the servlet API's request type
 */
public final class ListenerBinding<R> {

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(ListenerBinding.class), 60, TimeUnit.SECONDS);

  /** The attachment a request listener made on this thread, ended when its request is destroyed. */
  private static final ThreadLocal<Attachment> ATTACHMENT = new ThreadLocal<>();

  private final RequestTokens<R> tokens;

  /**
   * @param headers the headers that carry the token
   * @param access how to read the servlet API's requests
   */
  public ListenerBinding(TokenHeaders headers, RequestAccess<R> access) {
    this.tokens = new RequestTokens<>(headers, access);
  }

  /**
   * A request listener's {@code requestInitialized}: attaches the request's token to this thread until
   * {@link #requestDestroyed(Object)}. An attachment a listener left on this thread for an earlier request (one
   * that went asynchronous without a filter to end it) is ended first.
   *
   * @param request the request
   */
  public void requestInitialized(R request) {
    Attachment stale = ATTACHMENT.get();
    if (stale != null) {
      ATTACHMENT.remove();
      stale.scope.close();
    }
    try {
      RequestToken requestToken = tokens.entering(request);
      if (requestToken == null) {
        return;
      }
      ContextScope scope = AttachOnce.attach(requestToken.token);
      if (scope != ContextScope.NOOP) {
        ATTACHMENT.set(new Attachment(requestToken, scope));
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's token could not be attached: {}", e.toString());
    }
  }

  /**
   * A request listener's {@code requestDestroyed}: ends the attachment {@link #requestInitialized(Object)} made for
   * this request on this thread, if any.
   *
   * @param request the request
   */
  public void requestDestroyed(R request) {
    Attachment held = ATTACHMENT.get();
    if (held == null) {
      return;
    }
    RequestToken requestToken;
    try {
      requestToken = tokens.recorded(request);
    } catch (RuntimeException | LinkageError e) {
      requestToken = null;
    }
    if (requestToken == null || requestToken == held.requestToken) {
      ATTACHMENT.remove();
      held.scope.close();
    }
  }

  /**
   * Ends the attachment a listener made on this thread for the request of {@code requestToken}, if it is that
   * request's.
   *
   * @param requestToken the request's token
   */
  static void endOnThisThread(RequestToken requestToken) {
    Attachment held = ATTACHMENT.get();
    if (held != null && held.requestToken == requestToken) {
      ATTACHMENT.remove();
      held.scope.close();
    }
  }

  /** A listener's attachment and the request it belongs to. */
  private static final class Attachment {
    final RequestToken requestToken;
    final ContextScope scope;

    Attachment(RequestToken requestToken, ContextScope scope) {
      this.requestToken = requestToken;
      this.scope = scope;
    }
  }
}
