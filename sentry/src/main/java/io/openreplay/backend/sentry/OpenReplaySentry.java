package io.openreplay.backend.sentry;

import io.openreplay.backend.SessionToken;
import io.sentry.SentryOptions;
import java.util.Objects;

/**
 * The code route to Sentry's options: {@code Sentry.init(options -> OpenReplaySentry.configure(options))}.
 *
 * <pre>{@code
 * Sentry.init(options -> {
 *   options.setDsn("https://key@o0.ingest.sentry.io/0");
 *   OpenReplaySentry.configure(options);
 * });
 * }</pre>
 *
 * <p>Not needed for events captured on the request's own thread ({@link SentryAttachListener} already tags
 * those); it makes events tagged that are captured elsewhere, such as {@code sentry-logback} behind an
 * {@code AsyncAppender}, or when Sentry was initialised after the token was attached.
 */
public final class OpenReplaySentry {

  private OpenReplaySentry() {
  }

  /**
   * Adds the {@link OpenReplayEventProcessor}, which tags events with {@value SessionToken#TOKEN_KEY} and
   * {@value SessionToken#SESSION_ID_KEY}, and bounds every wait on Sentry where the options still hold Sentry's
   * defaults ({@link SentryBounds}). Calling it twice adds nothing more.
   *
   * @param options the options being initialised
   * @return {@code options}
   */
  public static SentryOptions configure(SentryOptions options) {
    Objects.requireNonNull(options, "options");
    boolean present = options.getEventProcessors().stream().anyMatch(OpenReplayEventProcessor.class::isInstance);
    if (!present) {
      options.addEventProcessor(new OpenReplayEventProcessor());
    }
    return SentryBounds.applyWhereDefault(options);
  }
}
