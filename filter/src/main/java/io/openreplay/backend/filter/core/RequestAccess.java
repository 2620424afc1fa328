package io.openreplay.backend.filter.core;

import io.openreplay.backend.HeaderReader;

/**
 * How the request logic ({@link FilterBinding}, {@link ListenerBinding}) reads one servlet API's request: one small
 * implementation per API (jakarta and javax), so that the request logic itself is written once. Its headers are read as
 * the core's {@link HeaderReader} reads them, for the token rule of {@link io.openreplay.backend.TokenHeaders}.
 *
 * @param <R> the API's request type
 */
public interface RequestAccess<R> extends HeaderReader<R> {

  /**
   * A request attribute.
   *
   * @param request the request
   * @param name the attribute name
   * @return its value, or {@code null}
   */
  Object attribute(R request, String name);

  /**
   * Sets a request attribute.
   *
   * @param request the request
   * @param name the attribute name
   * @param value its value
   */
  void setAttribute(R request, String name, Object value);

  /**
   * Whether the request has been put into asynchronous mode (and so continues on other threads).
   *
   * @param request the request
   * @return {@code true} after {@code startAsync} until the asynchronous operation is dispatched or completed
   */
  boolean isAsyncStarted(R request);

  /**
   * Whether this is the request's own dispatch, the container's first pass through its filters (a servlet
   * request's dispatcher type {@code REQUEST}): no entry can have read its token before, on any thread.
   *
   * @param request the request
   * @return {@code true} for the {@code REQUEST} dispatch, {@code false} for forwards, includes, asynchronous and
   *     error dispatches
   */
  boolean isRequestDispatch(R request);

  /**
   * The request a wrapper wraps (a servlet request wrapper's {@code getRequest()}).
   *
   * @param request the request
   * @return the wrapped request, or {@code null} when {@code request} is no wrapper
   */
  R wrapped(R request);
}
