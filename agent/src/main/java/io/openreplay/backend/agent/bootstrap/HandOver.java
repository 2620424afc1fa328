package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;

/**
 * Work handed to a thread through an entry point that never gives the task back to the application
 * ({@code AsyncContext.start(Runnable)}: the servlet API has no method that returns, lists or removes a started
 * task) keeps the token that was current when it was handed over: the task is wrapped, and the wrapper attaches
 * the token around the task and restores the thread's previous state afterwards.
 *
 * <p>Executors, whose queues the application can inspect, keep the application's own tasks instead
 * ({@link TaskHandOver}).
 */
public final class HandOver {

  private HandOver() {
  }

  /**
   * @param task the task being handed over, possibly {@code null}
   * @return a wrapper carrying the current token, or {@code task} itself when no token is current or it is
   *     already wrapped
   */
  public static Runnable wrap(Runnable task) {
    SessionToken token = CurrentToken.get();
    if (token == null || task == null || task instanceof TokenRunnable) {
      return task;
    }
    return new TokenRunnable(task, token);
  }

  /** A runnable that runs with the token of the thread that handed it over. */
  static final class TokenRunnable implements Runnable {
    private final Runnable task;
    private final SessionToken token;

    TokenRunnable(Runnable task, SessionToken token) {
      this.task = task;
      this.token = token;
    }

    @Override
    public void run() {
      TokenScope scope = TokenScope.attach(token);
      try {
        task.run();
      } finally {
        scope.close();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }
}
