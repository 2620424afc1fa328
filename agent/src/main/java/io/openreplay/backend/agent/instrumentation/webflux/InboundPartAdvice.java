package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import io.netty.handler.codec.http.HttpHeaders;
import net.bytebuddy.asm.Advice;
import reactor.netty.http.server.HttpServerRequest;

/**
 * {@code HttpServerOperations.onInboundNext}: a part of the request (its head, a piece of its body, its end) reaches
 * the exchange's subscribers on the event loop with exactly the request's token current (none for a request without
 * one), and the thread gets back what it had when it returns.
 */
public final class InboundPartAdvice {

  private InboundPartAdvice() {
  }

  /**
   * @param operations the request's operations ({@code HttpServerOperations} is not public: typed as its interface)
   * @return the scope opened, or {@code null} when nothing was attached
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.This Object operations) {
    if (!(operations instanceof HttpServerRequest)) {
      return null;
    }
    HttpHeaders headers = ((HttpServerRequest) operations).requestHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.get(names[i]));
    }
    return token == null && CurrentToken.get() == null ? null : TokenScope.attach(token);
  }

  /**
   * @param scope what {@link #enter(Object)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
