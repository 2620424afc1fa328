package io.openreplay.backend.agent.instrumentation.apachehttpclient5;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code AsyncConnectExec.execute(request, producer, scope, chain, callback)}: the chain's copy of the request gets
 * the token header when a token is current, the route's target is on the allow-list and the request lacks it. The
 * copy is sent later, from the I/O reactor, so the header stays; redirects are new copies of the application's
 * request.
 */
public final class AsyncExecAdvice {

  private AsyncExecAdvice() {
  }

  /**
   * @param request the chain's request
   * @param scope the execution's scope, with its route
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) AsyncExecChain.Scope scope) {
    HttpHost target = scope.route.getTargetHost();
    String value = OutboundToken.valueFor(target.getSchemeName(), target.getHostName(), target.getPort());
    if (value != null && !request.containsHeader(OutboundToken.HEADER)) {
      request.addHeader(OutboundToken.HEADER, value);
    }
  }
}
