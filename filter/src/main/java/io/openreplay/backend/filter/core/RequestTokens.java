package io.openreplay.backend.filter.core;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.TokenHeaders;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which token a request has, for the filters and request listeners of both servlet APIs: read from the headers by
 * whichever of them sees the request first. The request listener keeps it in the request attribute
 * {@value #ATTRIBUTE} for the filter that follows it; the filter keeps it there only when the request goes
 * asynchronous, for the dispatches that continue it on other threads. Entries nested in the filter's own entry on
 * one thread (the filter mapped twice, a forward or include) find it in {@link ServedRequest}. A later dispatch that
 * finds nothing kept reads the same headers again, to the same token.
 *
 * <p>A request that arrives on a thread where a token is already current, before the filter or listener has seen
 * it, is somebody else's: the OpenReplay agent ({@code -javaagent:openreplay-agent.jar}) attaches every request's
 * token as the container takes the request, before any listener or filter runs. Such a request is passed through:
 * it is not looked at, and nothing is attached for it, so that its token is attached once. The first time, one
 * debug line says so.
 *
 * @param <R> the servlet API's request type
 */
final class RequestTokens<R> {

  /** The request attribute that holds the request's {@link RequestToken} once it has been read. */
  static final String ATTRIBUTE = "io.openreplay.backend.filter.RequestToken";

  private static final Logger LOG = LoggerFactory.getLogger(RequestTokens.class);
  private static final AtomicBoolean PASS_THROUGH_REPORTED = new AtomicBoolean();

  private final TokenHeaders headers;
  private final RequestAccess<R> access;

  RequestTokens(TokenHeaders headers, RequestAccess<R> access) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * The request's token for an entry of the filter or the listener, read from the headers at the request's first
   * entry.
   *
   * @param request the request
   * @return the request's token (whose {@code token} is {@code null} when it has none), or {@code null} when the
   *     request is passed through
   */
  RequestToken entering(R request) {
    RequestToken known = recorded(request);
    return known != null ? known : firstEntry(request);
  }

  /**
   * The request's token at its first entry, which no entry has read before: read from the headers and kept in the
   * request. No token is current on this thread unless the request is passed through.
   *
   * @param request the request, for which {@link #recorded(Object)} is {@code null}
   * @return the request's token (whose {@code token} is {@code null} when it has none), or {@code null} when the
   *     request is passed through
   */
  RequestToken firstEntry(R request) {
    if (OpenReplayContext.current().isPresent()) {
      reportPassThrough();
      return null;
    }
    RequestToken read = new RequestToken(headers.find(request, access));
    access.setAttribute(request, ATTRIBUTE, read);
    return read;
  }

  /**
   * The request's token for an entry of the filter that is not nested in another entry of the same request on this
   * thread ({@link ServedRequest} finds those). The request's own dispatch reads the headers; it is not looked up in
   * the request, since nothing can have kept a token there before (Tomcat's request attributes cost some 40 ns a
   * request). A later dispatch (asynchronous, error, forward) finds what the request keeps once it went
   * asynchronous ({@link #keepForDispatches(Object, RequestToken)}), else reads the headers again.
   *
   * @param request the request
   * @param tokenCurrent whether a token is current on this thread
   * @return the request's token (whose {@code token} is {@code null} when it has none), or {@code null} when the
   *     request is passed through
   */
  RequestToken enteringFilter(R request, boolean tokenCurrent) {
    if (tokenCurrent) {
      RequestToken listeners = recorded(request);
      if (listeners == null) {
        reportPassThrough();
      }
      return listeners;
    }
    if (!access.isRequestDispatch(request)) {
      RequestToken kept = recorded(request);
      if (kept != null) {
        return kept;
      }
    }
    return new RequestToken(headers.find(request, access));
  }

  /**
   * Keeps the request's token in the request for the dispatches that continue it on other threads.
   *
   * @param request a request that went asynchronous
   * @param requestToken its token
   */
  void keepForDispatches(R request, RequestToken requestToken) {
    if (recorded(request) != requestToken) {
      access.setAttribute(request, ATTRIBUTE, requestToken);
    }
  }

  /**
   * The request's token if an earlier entry read it.
   *
   * @param request the request
   * @return what an earlier entry kept, or {@code null}
   */
  RequestToken recorded(R request) {
    Object kept = access.attribute(request, ATTRIBUTE);
    return kept instanceof RequestToken ? (RequestToken) kept : null;
  }

  private static void reportPassThrough() {
    if (!PASS_THROUGH_REPORTED.get() && PASS_THROUGH_REPORTED.compareAndSet(false, true)) {
      LOG.debug("OpenReplay: a request came in with a token already current (attached by the OpenReplay agent);"
          + " the filter and request listener pass requests through that arrive so");
    }
  }
}
