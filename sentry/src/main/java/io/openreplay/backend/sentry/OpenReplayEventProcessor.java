package io.openreplay.backend.sentry;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.TypeCheckHint;

/**
 * Puts the tags {@value SessionToken#TOKEN_KEY} and {@value SessionToken#SESSION_ID_KEY} on an event, from the
 * token of the logging event it was made from ({@code sentry-logback} hands it over in the hint; right on an
 * {@code AsyncAppender} too) or else from the token current on the capturing thread. An event without either keeps
 * its tags as they are. Sentry runs event processors on the thread that captures the event.
 */
public final class OpenReplayEventProcessor implements EventProcessor {

  /** Made by {@link OpenReplaySentry#configure(io.sentry.SentryOptions)}, or by hand. */
  public OpenReplayEventProcessor() {
  }

  @Override
  public SentryEvent process(SentryEvent event, Hint hint) {
    SessionToken token = tokenOf(hint);
    if (token == null) {
      token = OpenReplayContext.current().orElse(null);
    }
    if (token != null) {
      SentryTags.write(token, new SentryTags.Target() {
        @Override
        public void set(String key, String value) {
          event.setTag(key, value);
        }

        @Override
        public void remove(String key) {
          event.removeTag(key);
        }
      });
    }
    return event;
  }

  private static SessionToken tokenOf(Hint hint) {
    if (hint == null) {
      return null;
    }
    Object source = hint.get(TypeCheckHint.SENTRY_SYNTHETIC_EXCEPTION);
    return LogbackEventTokens.of(source);
  }
}
