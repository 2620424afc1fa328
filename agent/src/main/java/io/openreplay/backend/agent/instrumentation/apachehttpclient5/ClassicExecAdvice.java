package io.openreplay.backend.agent.instrumentation.apachehttpclient5;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import net.bytebuddy.asm.Advice;

/**
 * {@code MainClientExec.execute(request, scope, chain)}: the request about to be sent on the scope's route gets the
 * token header when a token is current, the route's target is on the allow-list and the request lacks the header;
 * it is taken off again once the exchange is done, as the chain's request may be reused.
 */
public final class ClassicExecAdvice {

  private ClassicExecAdvice() {
  }

  /**
   * @param request the request about to be sent
   * @param scope the execution's scope, with its route
   * @return whether the header was added
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(
      @Advice.Argument(0) ClassicHttpRequest request, @Advice.Argument(1) ExecChain.Scope scope) {
    HttpHost target = scope.route.getTargetHost();
    String value = OutboundToken.valueFor(target.getSchemeName(), target.getHostName(), target.getPort());
    if (value == null || request.containsHeader(OutboundToken.HEADER)) {
      return false;
    }
    request.addHeader(OutboundToken.HEADER, value);
    return true;
  }

  /**
   * @param request the request sent
   * @param added what {@link #enter(ClassicHttpRequest, ExecChain.Scope)} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Argument(0) ClassicHttpRequest request, @Advice.Enter boolean added) {
    if (added) {
      request.removeHeaders(OutboundToken.HEADER);
    }
  }
}
