package io.openreplay.backend.agent.bootstrap;

import java.util.concurrent.Callable;

/**
 * Work handed to another thread (an executor, a fork-join pool, an asynchronous servlet) keeps the token that
 * was current when it was handed over: the task is wrapped at submission, and the wrapper attaches the token
 * around the task and restores the worker thread's previous state afterwards.
 */
public final class HandOver {

  private HandOver() {
  }

  /**
   * @param task the task being submitted, possibly {@code null}
   * @return a wrapper carrying the current token, or {@code task} itself when no token is current or it is
   *     already wrapped
   */
  public static Runnable wrap(Runnable task) {
    OpenReplayToken token = CurrentToken.get();
    if (token == null || task == null || task instanceof TokenRunnable) {
      return task;
    }
    return new TokenRunnable(task, token);
  }

  /**
   * @param task the task being submitted, possibly {@code null}
   * @param <T> the task's result
   * @return a wrapper carrying the current token, or {@code task} itself when no token is current or it is
   *     already wrapped
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    OpenReplayToken token = CurrentToken.get();
    if (token == null || task == null || task instanceof TokenCallable) {
      return task;
    }
    return new TokenCallable<>(task, token);
  }

  /** A runnable that runs with the token of the thread that submitted it. */
  static final class TokenRunnable implements Runnable {
    private final Runnable task;
    private final OpenReplayToken token;

    TokenRunnable(Runnable task, OpenReplayToken token) {
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

  /** A callable that runs with the token of the thread that submitted it. */
  static final class TokenCallable<T> implements Callable<T> {
    private final Callable<T> task;
    private final OpenReplayToken token;

    TokenCallable(Callable<T> task, OpenReplayToken token) {
      this.task = task;
      this.token = token;
    }

    @Override
    public T call() throws Exception {
      TokenScope scope = TokenScope.attach(token);
      try {
        return task.call();
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
