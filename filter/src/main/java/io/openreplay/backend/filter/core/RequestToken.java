package io.openreplay.backend.filter.core;

import io.openreplay.backend.SessionToken;

/**
 * A request's token as read from its headers, once per request, and kept in the request attribute
 * {@value RequestTokens#ATTRIBUTE} for every later entry of the same request.
 */
final class RequestToken {

  /** The token, or {@code null} when the request has no valid one. */
  final SessionToken token;

  RequestToken(SessionToken token) {
    this.token = token;
  }

  @Override
  public String toString() {
    return "OpenReplay request token";
  }
}
