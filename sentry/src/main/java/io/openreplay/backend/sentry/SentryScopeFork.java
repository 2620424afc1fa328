package io.openreplay.backend.sentry;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;
import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.Sentry;

/** The Sentry side of {@link SentryAttachListener}: loaded only when Sentry is on the class path. */
final class SentryScopeFork {

  private static final String CREATOR = "openreplay";

  private SentryScopeFork() {
  }

  /**
   * Forks the current thread's scopes, tags the fork and makes it current.
   *
   * @param token the attached token
   * @return closes the fork, which puts the thread's previous scopes back
   */
  static AttachListener.Detach fork(SessionToken token) {
    if (!Sentry.isEnabled()) {
      return AttachListener.Detach.NOTHING;
    }
    IScopes scopes = Sentry.forkedScopes(CREATOR);
    SentryTags.write(token, new SentryTags.Target() {
      @Override
      public void set(String key, String value) {
        scopes.setTag(key, value);
      }

      @Override
      public void remove(String key) {
        scopes.removeTag(key);
      }
    });
    ISentryLifecycleToken lifecycle = scopes.makeCurrent();
    return lifecycle::close;
  }
}
