package io.openreplay.backend.bench.jmh;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A request scope of the OpenReplay agent opened on the current thread, as the agent opens one when a container
 * starts serving a request that carries a token: while it is open, the agent's advice finds that token current.
 * Reached through the agent's bootstrap classes ({@code io.openreplay.backend.agent.bootstrap}, the token rule under
 * {@code .core}), which exist only in
 * a JVM started with {@code -javaagent:openreplay-agent.jar}.
 */
final class AgentRequestScope implements AutoCloseable {

  private static final String BOOTSTRAP_PACKAGE = "io.openreplay.backend.agent.bootstrap.";

  private final Object scope;
  private final Method close;

  private AgentRequestScope(Object scope, Method close) {
    this.scope = scope;
    this.close = close;
  }

  /**
   * @return whether this JVM runs the OpenReplay agent
   */
  static boolean agentPresent() {
    try {
      Class.forName(BOOTSTRAP_PACKAGE + "RequestScope", false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Opens the agent's request scope with a token read from a header value.
   *
   * @param headerValue the value of the request's {@code X-OpenReplay-SessionToken}
   * @return the open scope
   * @throws IllegalStateException when the agent is not there, or its bootstrap classes changed shape
   */
  static AgentRequestScope open(String headerValue) {
    try {
      Class<?> tokenType = Class.forName(BOOTSTRAP_PACKAGE + "core.SessionToken", true, null);
      Class<?> scopeType = Class.forName(BOOTSTRAP_PACKAGE + "RequestScope", true, null);
      Object token = tokenType.getMethod("parseOrNull", CharSequence.class).invoke(null, headerValue);
      Object scope = scopeType.getMethod("open", tokenType).invoke(null, token);
      if (token == null || scope == null) {
        throw new IllegalStateException("the agent refused the token, or a request scope is already open");
      }
      return new AgentRequestScope(scope, scopeType.getMethod("close"));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no OpenReplay agent in this JVM (start it with -javaagent)", e);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("the agent's request scope cannot be opened: " + e, e);
    }
  }

  /** Ends the request on this thread. */
  @Override
  public void close() {
    try {
      close.invoke(scope);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("the agent's request scope cannot be closed: " + e, e);
    }
  }
}
