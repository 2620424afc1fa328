package io.openreplay.backend.filter.support;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.spi.AttachListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts attaches and detaches per token value (registered by the test META-INF/services file). */
public final class AttachCounter implements AttachListener {

  private static final ConcurrentHashMap<String, AtomicInteger> ATTACHES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, AtomicInteger> OPEN = new ConcurrentHashMap<>();

  @Override
  public Detach onAttach(SessionToken token) {
    String key = key(token);
    ATTACHES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    OPEN.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return () -> OPEN.get(key).decrementAndGet();
  }

  private static String key(SessionToken token) {
    return token.token() != null ? token.token() : token.sessionId();
  }

  /** How often the token was attached. */
  public static int attaches(String token) {
    AtomicInteger count = ATTACHES.get(token);
    return count == null ? 0 : count.get();
  }

  /** How many attaches of the token are not detached yet. */
  public static int open(String token) {
    AtomicInteger count = OPEN.get(token);
    return count == null ? 0 : count.get();
  }
}
