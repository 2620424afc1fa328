package io.openreplay.backend;

/**
 * The attachment of a token to the current thread, undone by {@link #close()}.
 *
 * <p>Closing restores exactly what the thread had before the matching
 * {@link OpenReplayContext#attach(SessionToken)}: the previous current token and the previous values of both MDC
 * keys (or their absence). Scopes must be closed on the thread that opened them, innermost first, which
 * try-with-resources guarantees; a second {@code close()}, or one on another thread, does nothing.
 */
public interface ContextScope extends AutoCloseable {

  /** A scope that attached nothing and restores nothing. */
  ContextScope NOOP = () -> { };

  /** Restores the thread's previous context. Never throws. */
  @Override
  void close();
}
