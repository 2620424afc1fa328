package io.openreplay.backend.sentry;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;

/**
 * Forks Sentry's scopes for every token attached to a thread, with the tags {@value SessionToken#TOKEN_KEY} and
 * {@value SessionToken#SESSION_ID_KEY} on the fork, and closes the fork when the token is detached. Every event
 * captured on the thread in between (by {@code sentry-logback}'s appender or by {@code Sentry.captureException})
 * carries both tags; after the detach the thread's previous scopes are back, so a pooled thread never hands the
 * tags to the next request.
 *
 * <p>Registered with {@link java.util.ServiceLoader}; nothing to configure. When Sentry is not on the class path,
 * or not initialised, it does nothing: all references to Sentry live in a class that is loaded only after Sentry
 * was found.
 */
public final class SentryAttachListener implements AttachListener {

  private static final boolean SENTRY_PRESENT = isPresent("io.sentry.Sentry", SentryAttachListener.class.getClassLoader());

  /** Made by {@link java.util.ServiceLoader}. */
  public SentryAttachListener() {
  }

  static boolean isPresent(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  @Override
  public Detach onAttach(SessionToken token) {
    if (!SENTRY_PRESENT) {
      return Detach.NOTHING;
    }
    return SentryScopeFork.fork(token);
  }
}
