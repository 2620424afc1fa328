package io.openreplay.backend.bench.jmh;

import io.openreplay.backend.SessionToken;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * A token made the OpenReplay agent's current token on this thread, as the agent makes a request's token current
 * while a container serves it: the agent's logback advice then finds it, and the thread's SLF4J MDC stays empty (the
 * agent does not mirror its tokens into the MDC). Attached through the agent's bridge for libraries,
 * {@code io.openreplay.backend.agent.bootstrap.LibraryBridge} (only JDK types cross it), found by name in the
 * bootstrap class loader as {@code openreplay-core} finds it; it exists only in a JVM started with
 * {@code -javaagent:openreplay-agent.jar}.
 */
final class AgentTokenScope implements AutoCloseable {

  private static final String BRIDGE = "io.openreplay.backend.agent.bootstrap.LibraryBridge";

  private final AutoCloseable scope;

  private AgentTokenScope(AutoCloseable scope) {
    this.scope = scope;
  }

  /**
   * @return whether this JVM runs the OpenReplay agent
   */
  static boolean agentPresent() {
    try {
      Class.forName(BRIDGE, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Makes a token the agent's current token on this thread.
   *
   * @param headerValue the token, as a request's {@code X-OpenReplay-SessionToken} carries it
   * @return the attachment, to close on this thread
   * @throws IllegalStateException when the agent is not there, or its bridge changed shape
   */
  static AgentTokenScope attach(String headerValue) {
    SessionToken token = SessionToken.parse(headerValue)
        .orElseThrow(() -> new IllegalArgumentException("not a token: " + headerValue));
    Function<String[], Object> viewMaker = parts -> parts;
    try {
      Method attach = Class.forName(BRIDGE, true, null)
          .getMethod("attach", String.class, String.class, Object.class, Function.class);
      AutoCloseable scope = (AutoCloseable) attach.invoke(null, token.token(), token.sessionId(), null, viewMaker);
      return new AgentTokenScope(scope);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no OpenReplay agent in this JVM (start it with -javaagent)", e);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
      throw new IllegalStateException("the agent's bridge cannot attach a token: " + e, e);
    }
  }

  /** Puts back what the thread had before. */
  @Override
  public void close() {
    try {
      scope.close();
    } catch (Exception e) {
      throw new IllegalStateException("the agent's attachment cannot be closed: " + e, e);
    }
  }
}
