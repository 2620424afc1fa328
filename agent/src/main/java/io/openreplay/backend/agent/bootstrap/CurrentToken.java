package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;

/**
 * The token of the work the current thread is doing: one thread-local, shared by every class loader, holding the
 * innermost open {@link TokenScope} of the thread.
 */
public final class CurrentToken {

  private static final ThreadLocal<TokenScope> INNERMOST = new ThreadLocal<>();

  private CurrentToken() {
  }

  /**
   * The token of this thread.
   *
   * @return the current token, or {@code null} when none is attached
   */
  public static SessionToken get() {
    TokenScope scope = INNERMOST.get();
    return scope == null ? null : scope.token();
  }

  /**
   * @return the innermost scope open on this thread, or {@code null}
   */
  static TokenScope innermost() {
    return INNERMOST.get();
  }

  /**
   * Makes {@code scope} the innermost one of this thread.
   *
   * @param scope the scope, or {@code null} to leave the thread without any
   */
  static void set(TokenScope scope) {
    if (scope == null) {
      INNERMOST.remove();
    } else {
      INNERMOST.set(scope);
    }
  }
}
