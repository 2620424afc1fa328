package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;

/**
 * The token of a request in Reactor's per-subscriber {@code Context}: the key the agent writes it under (when Reactor
 * Netty makes the request's operations, the root subscriber of everything the request does), and the attachment of
 * the token found there around a signal delivered to a subscriber. The key is the agent's own: the OpenReplay
 * library keeps its own token type under its own key.
 */
public final class ContextTokens {

  /** The Reactor context key of the request's token (an agent {@link SessionToken}). */
  public static final String KEY = "io.openreplay.backend.agent.SessionToken";

  private ContextTokens() {
  }

  /**
   * Attaches the token a subscriber's context holds, for as long as a signal to that subscriber is delivered.
   *
   * @param inContext what the context holds under {@link #KEY}, possibly {@code null}: then the thread carries no
   *     token while the scope is open
   * @return the scope to close when the signal is delivered, or {@code null} when the thread already carries
   *     exactly that token (or none, for none)
   */
  public static TokenScope attachOf(Object inContext) {
    return attachOnce(inContext instanceof SessionToken ? (SessionToken) inContext : null);
  }

  /**
   * The stand-in a subscriber of a value shared between requests subscribes as (see {@link TokenSubscriber}).
   *
   * @param subscriber the subscriber subscribing, possibly {@code null}
   * @param type the library's subscriber interface, which {@code subscriber} implements and the stand-in will
   * @param inContext what the subscriber's context holds under {@link #KEY}, possibly {@code null}: then the token
   *     current as it subscribes is kept (none, for none)
   * @return the stand-in, or {@code subscriber} itself when it already is one that keeps that token
   */
  public static Object subscriberKeeping(Object subscriber, Class<?> type, Object inContext) {
    SessionToken token = inContext instanceof SessionToken ? (SessionToken) inContext : CurrentToken.get();
    return TokenSubscriber.keeping(subscriber, type, token);
  }

  /**
   * @param token the token, or {@code null} for none
   * @return the scope to close, or {@code null} when the thread already carries exactly that token (or none)
   */
  static TokenScope attachOnce(SessionToken token) {
    SessionToken current = CurrentToken.get();
    if (token == null ? current == null : token.equals(current)) {
      return null;
    }
    return TokenScope.attach(token);
  }
}
