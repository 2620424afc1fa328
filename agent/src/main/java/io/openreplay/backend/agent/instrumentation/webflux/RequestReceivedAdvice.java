package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import io.netty.handler.codec.http.HttpHeaders;
import net.bytebuddy.asm.Advice;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerState;

/**
 * {@code HttpServer$HttpServerHandle.onStateChange}: for a request received, the application's handler is called and
 * subscribed to on the event loop, with exactly the request's token current (none for a request without one, even
 * when this runs inside another request's part), and the thread gets back what it had when it returns.
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
    if (state != HttpServerState.REQUEST_RECEIVED || !(connection instanceof HttpServerRequest)) {
      return null;
    }
    HttpHeaders headers = ((HttpServerRequest) connection).requestHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.get(names[i]));
    }
    return token == null && CurrentToken.get() == null ? null : TokenScope.attach(token);
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
