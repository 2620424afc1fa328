package io.openreplay.backend.agent.instrumentation.apachehttpclient5;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import net.bytebuddy.asm.Advice;

/**
 * {@code MinimalHttpClient.doExecute(target, request, context)}: the application's own request gets the token header
 * for the exchange (token current, target on the allow-list, header absent), and loses it again afterwards.
 */
public final class MinimalClientAdvice {

  private MinimalClientAdvice() {
  }

  /**
   * @param target the host the request goes to
   * @param request the application's request
   * @return whether the header was added
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
    if (target == null || request == null) {
      return false;
    }
    String value = OutboundToken.valueFor(target.getSchemeName(), target.getHostName(), target.getPort());
    if (value == null || request.containsHeader(OutboundToken.HEADER)) {
      return false;
    }
    request.addHeader(OutboundToken.HEADER, value);
    return true;
  }

  /**
   * @param request the application's request
   * @param added what {@link #enter(HttpHost, ClassicHttpRequest)} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Argument(1) ClassicHttpRequest request, @Advice.Enter boolean added) {
    if (added) {
      request.removeHeaders(OutboundToken.HEADER);
    }
  }
}
