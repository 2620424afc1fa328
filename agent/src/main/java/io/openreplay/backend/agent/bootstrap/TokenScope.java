package io.openreplay.backend.agent.bootstrap;

/**
 * One attachment of a token to the current thread; {@link #close()} puts back exactly what the thread had before,
 * once, and only on the thread that attached.
 */
public final class TokenScope {

  private final Thread owner = Thread.currentThread();
  private final OpenReplayToken previous;
  private boolean closed;

  private TokenScope(OpenReplayToken previous) {
    this.previous = previous;
  }

  /**
   * Makes {@code token} current on this thread.
   *
   * @param token the token, or {@code null} for a thread that must carry none while the scope is open
   * @return the scope to close when the work ends
   */
  public static TokenScope attach(OpenReplayToken token) {
    return new TokenScope(CurrentToken.swap(token));
  }

  /** Restores the token the thread had before {@link #attach(OpenReplayToken)}. */
  public void close() {
    if (closed || Thread.currentThread() != owner) {
      return;
    }
    closed = true;
    CurrentToken.swap(previous);
  }
}
