package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;

/**
 * The container's handling of one request on one thread: opened by the outermost entry point the agent hooks
 * (the container's own, else {@code Servlet.service} / {@code Filter.doFilter}), so that nested entry points of the
 * same request neither read the header again nor attach twice.
 */
public final class RequestScope {

  private static final ThreadLocal<RequestScope> OPEN = new ThreadLocal<>();

  private final TokenScope tokenScope;

  private RequestScope(TokenScope tokenScope) {
    this.tokenScope = tokenScope;
  }

  /**
   * Whether a request is already being handled on this thread by an outer entry point.
   *
   * @return {@code true} inside a request scope
   */
  public static boolean isOpen() {
    return OPEN.get() != null;
  }

  /**
   * Opens the request scope with the token read from the request's headers. While it is open the thread carries
   * exactly that token, or none when the request brought none.
   *
   * @param token the request's token, or {@code null}
   * @return the scope, or {@code null} when one is already open on this thread (then nothing changes)
   */
  public static RequestScope open(SessionToken token) {
    if (OPEN.get() != null) {
      return null;
    }
    RequestScope scope = new RequestScope(TokenScope.attach(token));
    OPEN.set(scope);
    return scope;
  }

  /** Ends the request on this thread and restores what the thread carried before. */
  public void close() {
    if (OPEN.get() != this) {
      return;
    }
    OPEN.remove();
    tokenScope.close();
  }
}
