package io.openreplay.backend.readme.probe;

import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR;
import static io.openreplay.backend.readme.probe.ProbeApplication.ERROR_WITH_EXCEPTION;
import static io.openreplay.backend.readme.probe.ProbeApplication.EXCEPTION_MESSAGE;
import static io.openreplay.backend.readme.probe.ProbeApplication.INFO;
import static io.openreplay.backend.readme.probe.ProbeApplication.OUTSIDE;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What every probe application logs, whatever it logs with: inside a request (the token attached with
 * {@link OpenReplayContext#attach}) an INFO line, an ERROR line and an ERROR line with an exception; outside any
 * request one ERROR line.
 */
public final class ProbeScenario {

  private ProbeScenario() {
  }

  /**
   * @param token the session token to attach, as the probe was given it
   * @param info logs a message at INFO
   * @param error logs a message at ERROR, with the exception when it is not {@code null}
   */
  public static void log(String token, Consumer<String> info, BiConsumer<String, Throwable> error) {
    SessionToken parsed = SessionToken.parse(token).orElseThrow(() -> new IllegalArgumentException(token));
    try (ContextScope ignored = OpenReplayContext.attach(parsed)) {
      info.accept(INFO);
      error.accept(ERROR, null);
      error.accept(ERROR_WITH_EXCEPTION, new IllegalStateException(EXCEPTION_MESSAGE));
    }
    error.accept(OUTSIDE, null);
  }
}
