package io.openreplay.backend.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;
import java.util.Objects;
import org.apache.logging.log4j.ThreadContext;

/**
 * Puts both keys ({@value SessionToken#TOKEN_KEY}, {@value SessionToken#SESSION_ID_KEY}) into Log4j's
 * {@link ThreadContext} while a token is attached to the thread, and puts back what was there when it is detached.
 *
 * <p>Where SLF4J is bound to Log4j ({@code log4j-slf4j2-impl}), or Log4j's API is routed to SLF4J
 * ({@code log4j-to-slf4j}), the SLF4J MDC that {@code OpenReplayContext} writes <em>is</em> the ThreadContext: the keys
 * are found there already and nothing is put a second time. Where it is not (SLF4J bound to logback or to nothing
 * while the application logs through Log4j's API, or a token the {@code -javaagent} attached, which is not put into
 * the MDC), this listener puts them. Registered with {@link java.util.ServiceLoader}; nothing to configure.
 */
public final class ThreadContextAttachListener implements AttachListener {

  /** Made by {@link java.util.ServiceLoader}. */
  public ThreadContextAttachListener() {
  }

  @Override
  public Detach onAttach(SessionToken token) {
    String previousToken = ThreadContext.get(SessionToken.TOKEN_KEY);
    String previousSessionId = ThreadContext.get(SessionToken.SESSION_ID_KEY);
    if (Objects.equals(previousToken, token.token()) && Objects.equals(previousSessionId, token.sessionId())) {
      return Detach.NOTHING;
    }
    putOrRemove(SessionToken.TOKEN_KEY, token.token());
    putOrRemove(SessionToken.SESSION_ID_KEY, token.sessionId());
    return () -> {
      putOrRemove(SessionToken.TOKEN_KEY, previousToken);
      putOrRemove(SessionToken.SESSION_ID_KEY, previousSessionId);
    };
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      ThreadContext.remove(key);
    } else {
      ThreadContext.put(key, value);
    }
  }
}
