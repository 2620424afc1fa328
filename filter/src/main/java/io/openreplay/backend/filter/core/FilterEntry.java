package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.SessionToken;

/** One entry of the filter into a request: the request's token and the scope its exit closes. */
public final class FilterEntry {

  /** An entry that found no request token to work with and attached nothing. */
  static final FilterEntry NONE = new FilterEntry(null, ContextScope.NOOP, null);

  final RequestToken requestToken;
  final ContextScope scope;
  /** The thread's served request, put back at the exit as it was before the entry; {@code null} for none. */
  private final ServedRequest served;
  private final Object servedBefore;
  private final RequestToken servedTokenBefore;

  FilterEntry(RequestToken requestToken, ContextScope scope, ServedRequest served) {
    this.requestToken = requestToken;
    this.scope = scope;
    this.served = served;
    this.servedBefore = served == null ? null : served.request;
    this.servedTokenBefore = served == null ? null : served.token;
  }

  /** Puts back the thread's served request as it was before this entry. */
  void restoreServed() {
    if (served != null) {
      served.request = servedBefore;
      served.token = servedTokenBefore;
    }
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
