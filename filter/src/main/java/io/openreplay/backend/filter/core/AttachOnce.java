package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;

/**
 * Attaching a request's token to the current thread once: a thread on which that very token is already current
 * (an outer entry of the same request attached it) gets no second attachment, and so no second notice to the
 * {@link io.openreplay.backend.spi.AttachListener}s.
 */
public final class AttachOnce {

  private AttachOnce() {
  }

  /**
   * Opens a scope with the token attached, unless it is already current on this thread.
   *
   * @param token the token, or {@code null} for none
   * @return the scope to close, {@link ContextScope#NOOP} when nothing was attached
   */
  public static ContextScope attach(SessionToken token) {
    if (token == null || OpenReplayContext.current().orElse(null) == token) {
      return ContextScope.NOOP;
    }
    return OpenReplayContext.attach(token);
  }

  /**
   * A task that runs with the token attached (unless it is already current on the running thread).
   *
   * @param token the token, or {@code null} for none
   * @param task the task
   * @return the task that attaches {@code token} around {@code task}, or {@code task} when {@code token} is null
   */
  public static Runnable bind(SessionToken token, Runnable task) {
    if (token == null) {
      return task;
    }
    return () -> {
      try (ContextScope ignored = attach(token)) {
        task.run();
      }
    };
  }
}
