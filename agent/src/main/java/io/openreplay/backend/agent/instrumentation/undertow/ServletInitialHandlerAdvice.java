package io.openreplay.backend.agent.instrumentation.undertow;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RequestScope;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import net.bytebuddy.asm.Advice;

/**
 * {@code ServletInitialHandler.handleFirstRequest(HttpServerExchange, ServletRequestContext)}: Undertow's handling of
 * a request or an asynchronous dispatch in a servlet deployment, from the request listeners through the filter chain,
 * the error handling (where its {@code LoggingExceptionHandler} logs UT005023 for an uncaught exception) and the
 * listeners' {@code requestDestroyed}.
 */
public final class ServletInitialHandlerAdvice {

  private ServletInitialHandlerAdvice() {
  }

  /**
   * @param exchange Undertow's exchange
   * @return the scope opened, or {@code null} when one is already open
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static RequestScope enter(@Advice.Argument(0) HttpServerExchange exchange) {
    if (RequestScope.isOpen() || exchange == null) {
      return null;
    }
    HeaderMap headers = exchange.getRequestHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.getFirst(names[i]));
    }
    return RequestScope.open(token);
  }

  /**
   * @param scope what {@link #enter(HttpServerExchange)} opened
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter RequestScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
