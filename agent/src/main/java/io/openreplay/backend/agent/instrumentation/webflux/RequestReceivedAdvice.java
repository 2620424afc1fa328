package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.agent.bootstrap.ContextTokens;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;
import reactor.core.CoreSubscriber;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServerState;

/**
 * {@code HttpServer$HttpServerHandle.onStateChange}: for a request received, the application's handler is called and
 * subscribed to on the event loop with exactly the request's token current, the one its operations' Reactor context
 * holds ({@link RequestContextAdvice}), or none for a request without one, even when this runs inside another
 * request's part; the thread gets back what it had when it returns.
 */
public final class RequestReceivedAdvice {

  private RequestReceivedAdvice() {
  }

  /**
   * @param connection the request's operations
   * @param state the new state of the connection
   * @return the scope opened, or {@code null} when nothing was attached
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.Argument(0) Connection connection,
      @Advice.Argument(1) ConnectionObserver.State state) {
    if (state != HttpServerState.REQUEST_RECEIVED || !(connection instanceof CoreSubscriber)) {
      return null;
    }
    return ContextTokens.attachOf(((CoreSubscriber<?>) connection).currentContext()
        .getOrDefault(ContextTokens.KEY, null));
  }

  /**
   * @param scope what {@link #enter(Connection, ConnectionObserver.State)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
