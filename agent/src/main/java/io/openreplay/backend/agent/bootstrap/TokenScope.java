package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.util.function.Function;

/**
 * One attachment of a token to the current thread; {@link #close()} puts back exactly what the thread had before,
 * once, and only on the thread that attached.
 *
 * <p>When the token is another session than the one the thread had, the library's attach listeners are told
 * ({@link LibraryBridge}), and told of the detach when the scope closes.
 */
public final class TokenScope implements AutoCloseable {

  private static final AutoCloseable[] NO_DETACHES = new AutoCloseable[0];

  private final Thread owner = Thread.currentThread();
  private final SessionToken token;
  private final TokenScope previous;
  private AutoCloseable[] detaches = NO_DETACHES;
  private Object view;
  private Function<String[], Object> viewMaker;
  private boolean closed;

  private TokenScope(SessionToken token, TokenScope previous) {
    this.token = token;
    this.previous = previous;
  }

  /**
   * Makes {@code token} current on this thread.
   *
   * @param token the token, or {@code null} for a thread that must carry none while the scope is open
   * @return the scope to close when the work ends
   */
  public static TokenScope attach(SessionToken token) {
    return attach(token, null, null);
  }

  /**
   * Makes {@code token} current on this thread, with the library's own object for it.
   *
   * @param token the token, or {@code null}
   * @param view the library's object for the token, or {@code null}
   * @param viewMaker the library's maker of such objects, or {@code null}
   * @return the scope
   */
  static TokenScope attach(SessionToken token, Object view, Function<String[], Object> viewMaker) {
    TokenScope previous = CurrentToken.innermost();
    TokenScope scope = new TokenScope(token, previous);
    if (view != null && viewMaker != null) {
      scope.view = view;
      scope.viewMaker = viewMaker;
    }
    CurrentToken.set(scope);
    if (token != null && (previous == null || !token.equals(previous.token))) {
      AutoCloseable[] told = LibraryBridge.attached();
      if (told != null) {
        scope.detaches = told;
      }
    }
    return scope;
  }

  /**
   * @return the token this scope attached, or {@code null} for a thread that carries none
   */
  SessionToken token() {
    return token;
  }

  /**
   * The library's object for this scope's token, made once per maker by {@code viewMaker} from
   * {@code {token, sessionId}}.
   *
   * @param viewMaker the library's maker
   * @return the object, or {@code null} when the scope has no token or the maker fails
   */
  Object view(Function<String[], Object> viewMaker) {
    if (token == null || viewMaker == null) {
      return null;
    }
    if (view != null && this.viewMaker == viewMaker) {
      return view;
    }
    Object made;
    try {
      made = viewMaker.apply(new String[] {token.token(), token.sessionId()});
    } catch (Throwable failure) {
      return null;
    }
    view = made;
    this.viewMaker = viewMaker;
    return made;
  }

  /**
   * Adds what a listener undoes when this scope closes (a listener registered while the scope was open).
   *
   * @param detach what to close, possibly {@code null}
   */
  void addDetach(AutoCloseable detach) {
    if (detach == null || closed) {
      return;
    }
    AutoCloseable[] more = new AutoCloseable[detaches.length + 1];
    System.arraycopy(detaches, 0, more, 0, detaches.length);
    more[detaches.length] = detach;
    detaches = more;
  }

  /**
   * @return whether the scope is still open
   */
  boolean isOpen() {
    return !closed;
  }

  /** Restores the token the thread had before {@link #attach(SessionToken)}. */
  @Override
  public void close() {
    if (closed || Thread.currentThread() != owner) {
      return;
    }
    closed = true;
    LibraryBridge.detached(detaches);
    CurrentToken.set(previous);
  }
}
