package io.openreplay.backend.webflux;

import io.openreplay.backend.SessionToken;
import reactor.core.publisher.Mono;

/**
 * The token in the Reactor {@link reactor.util.context.Context}: the key under which a request's token is kept, the
 * key {@link OpenReplayThreadLocalAccessor} makes current on the threads that run the request's operators.
 */
public final class ReactorTokens {

  /** The Reactor context key of the request's {@link SessionToken}. */
  public static final String KEY = "io.openreplay.backend.SessionToken";

  private ReactorTokens() {
  }

  /**
   * Runs {@code work} with {@code token} in its Reactor context: with automatic context propagation
   * ({@code Hooks.enableAutomaticContextPropagation()}), the token is current, with its MDC keys, wherever the work's
   * operators run, on whichever thread.
   *
   * @param work what the request does
   * @param token the request's token
   * @return the work, with the token in its context
   */
  public static Mono<Void> carrying(Mono<Void> work, SessionToken token) {
    return work.contextWrite(context -> context.put(KEY, token));
  }
}
