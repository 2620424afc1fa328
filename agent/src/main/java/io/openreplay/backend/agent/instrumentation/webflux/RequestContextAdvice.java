package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.ContextTokens;
import io.netty.handler.codec.http.HttpHeaders;
import net.bytebuddy.asm.Advice;
import reactor.netty.http.server.HttpServerRequest;
import reactor.util.context.Context;

/**
 * The constructors of {@code HttpServerOperations}, the root subscriber of what a request does: a request with a
 * token gets it into its Reactor context, under {@link ContextTokens#KEY}, so that every subscriber of the request,
 * and every outbound call the request makes through Reactor Netty's client, can tell its token on any thread. The
 * context of a request without one is left as it is.
 */
public final class RequestContextAdvice {

  private RequestContextAdvice() {
  }

  /**
   * @param operations the request's operations, constructed ({@code HttpServerOperations} is not public: typed as
   *     its interface)
   * @param context the operations' {@code currentContext} field, given the token
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object operations,
      @Advice.FieldValue(value = "currentContext", readOnly = false) Context context) {
    if (context == null || context.hasKey(ContextTokens.KEY) || !(operations instanceof HttpServerRequest)) {
      return;
    }
    HttpHeaders headers = ((HttpServerRequest) operations).requestHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.get(names[i]));
    }
    if (token != null) {
      context = context.put(ContextTokens.KEY, token);
    }
  }
}
