package io.openreplay.backend.it.tomcat;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every attach it is told of, per token value and in all: the tokens attached through the library's
 * {@code OpenReplayContext} and, with the agent, the tokens the agent attaches to a thread. Found through this app's
 * {@code META-INF/services} file.
 */
public final class CountingAttachListener implements AttachListener {

  private static final ConcurrentHashMap<String, AtomicInteger> BY_TOKEN = new ConcurrentHashMap<>();
  private static final AtomicInteger TOTAL = new AtomicInteger();

  /** Made by {@link java.util.ServiceLoader}. */
  public CountingAttachListener() {
  }

  @Override
  public Detach onAttach(SessionToken token) {
    TOTAL.incrementAndGet();
    BY_TOKEN.computeIfAbsent(String.valueOf(token.token()), key -> new AtomicInteger()).incrementAndGet();
    return Detach.NOTHING;
  }

  /**
   * @param token a token value, or {@code null} for all tokens
   * @return how often the listener was told of it
   */
  static int attaches(String token) {
    if (token == null) {
      return TOTAL.get();
    }
    AtomicInteger count = BY_TOKEN.get(token);
    return count == null ? 0 : count.get();
  }
}
