package io.openreplay.backend.agent.bootstrap;

/** The token of the work the current thread is doing: one thread-local, shared by every class loader. */
public final class CurrentToken {

  private static final ThreadLocal<OpenReplayToken> CURRENT = new ThreadLocal<>();

  private CurrentToken() {
  }

  /**
   * The token of this thread.
   *
   * @return the current token, or {@code null} when none is attached
   */
  public static OpenReplayToken get() {
    return CURRENT.get();
  }

  /**
   * Makes {@code token} current and returns what was current before, for {@link TokenScope} to put back.
   *
   * @param token the token to make current, or {@code null} to leave the thread without one
   * @return the token that was current, possibly {@code null}
   */
  static OpenReplayToken swap(OpenReplayToken token) {
    OpenReplayToken previous = CURRENT.get();
    if (token == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(token);
    }
    return previous;
  }
}
