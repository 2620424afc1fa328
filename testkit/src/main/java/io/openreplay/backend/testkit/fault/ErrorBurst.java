package io.openreplay.backend.testkit.fault;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import org.slf4j.Logger;

/**
 * A burst of ERROR records logged one after the other during one request (its token attached), as a failing
 * dependency makes an application log them: {@code burst error 0}, {@code burst error 1}, ...
 */
public final class ErrorBurst {

  private ErrorBurst() {
  }

  /**
   * @param log the application's logger
   * @param token the request's token, attached while logging
   * @param count how many ERROR records
   * @param withException whether each carries an exception (a stack trace makes each record a few KB)
   */
  public static void log(Logger log, SessionToken token, int count, boolean withException) {
    try (ContextScope ignored = OpenReplayContext.attach(token)) {
      for (int i = 0; i < count; i++) {
        if (withException) {
          log.error("burst error " + i, new IllegalStateException("declined " + i));
        } else {
          log.error("burst error " + i);
        }
      }
    }
  }
}
