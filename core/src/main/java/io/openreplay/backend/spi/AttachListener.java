package io.openreplay.backend.spi;

import io.openreplay.backend.SessionToken;

/**
 * Told when a token is attached to a thread and when it is detached again: the hook through which provider
 * bindings (for instance forking Sentry's scopes per request) join the per-request context, while the
 * {@code filter} module itself knows no provider.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.openreplay.backend.spi.AttachListener} file) the first time a token is attached.
 * Both methods run on the thread that attaches or detaches, so thread-local state set in
 * {@link #onAttach(SessionToken)} can be undone by the returned {@link Detach}. A failure of a listener is
 * swallowed: it never reaches the request.
 */
public interface AttachListener {

  /**
   * Called after the token was made current on this thread.
   *
   * @param token the token now current, never {@code null}
   * @return what to undo when the token is detached; {@link Detach#NOTHING} when there is nothing to undo
   */
  Detach onAttach(SessionToken token);

  /** What a listener undoes when the token it was told of is detached. */
  @FunctionalInterface
  interface Detach {

    /** A detach that does nothing. */
    Detach NOTHING = () -> { };

    /** Undoes, on the detaching thread, what {@link AttachListener#onAttach(SessionToken)} did. */
    void detach();
  }
}
