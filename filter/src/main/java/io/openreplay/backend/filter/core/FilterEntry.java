package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.SessionToken;

/** One entry of the filter into a request: the request's token and the scope its exit closes. */
public final class FilterEntry {

  /** An entry that found no request token to work with and attached nothing. */
  static final FilterEntry NONE = new FilterEntry(null, ContextScope.NOOP);

  final RequestToken requestToken;
  final ContextScope scope;

  FilterEntry(RequestToken requestToken, ContextScope scope) {
    this.requestToken = requestToken;
    this.scope = scope;
  }

  /**
   * The request's token, whether this entry attached it or found it already current; the filter hands it to the
   * threads that continue the request.
   *
   * @return the token, or {@code null} when the request has none or is passed through
   */
  public SessionToken token() {
    return requestToken == null ? null : requestToken.token;
  }
}
