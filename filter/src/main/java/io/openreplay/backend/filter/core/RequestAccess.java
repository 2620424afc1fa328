package io.openreplay.backend.filter.core;

import java.util.Enumeration;

/**
 * How the request logic ({@link FilterBinding}, {@link ListenerBinding}) reads one servlet API's request: one small
 * implementation per API (jakarta and javax), so that the request logic itself is written once.
 *
 * @param <R> the API's request type
 */
public interface RequestAccess<R> {

  /**
   * The first value of a request header (a servlet request's {@code getHeader}, which makes no enumeration).
   *
   * @param request the request
   * @param name the header name, matched case-insensitively as HTTP header names are
   * @return the first value, or {@code null} when there is none or the request is not an HTTP request
   */
  String header(R request, String name);

  /**
   * The values of a request header, in the order they arrived.
   *
   * @param request the request
   * @param name the header name, matched case-insensitively as HTTP header names are
   * @return the values, or {@code null} when the request has no headers (not an HTTP request)
   */
  Enumeration<String> headers(R request, String name);

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
