package io.openreplay.backend;

import java.util.Enumeration;

/**
 * How {@link TokenHeaders} reads the headers of one kind of request (a servlet API's request, Spring's
 * {@code HttpHeaders}): one small implementation per kind, so that the rule itself is written once.
 *
 * @param <R> the request type
 */
public interface HeaderReader<R> {

  /**
   * The first value of a request header, read without going through all of them (a servlet request's
   * {@code getHeader}).
   *
   * @param request the request
   * @param name the header name, matched case-insensitively as HTTP header names are
   * @return the first value, or {@code null} when there is none or the request is not an HTTP request
   */
  String header(R request, String name);

  /**
   * The values of a request header, in the order they arrived; read only when the first value is not valid.
   *
   * @param request the request
   * @param name the header name, matched case-insensitively as HTTP header names are
   * @return the values, or {@code null} when there are none or the request has no headers (not an HTTP request)
   */
  Enumeration<String> headers(R request, String name);
}
