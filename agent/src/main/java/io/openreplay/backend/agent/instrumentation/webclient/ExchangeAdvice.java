package io.openreplay.backend.agent.instrumentation.webclient;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import net.bytebuddy.asm.Advice;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * {@code DefaultExchangeFunction.exchange(request)}: when a token is current, the request's host is on the
 * allow-list and the request lacks the header, a copy with the token header is exchanged in its place.
 */
public final class ExchangeAdvice {

  private ExchangeAdvice() {
  }

  /**
   * @param request the request about to be exchanged; replaced by a copy with the header
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) ClientRequest request) {
    String value = OutboundToken.valueFor(request.url());
    if (value != null && request.headers().getFirst(OutboundToken.HEADER) == null) {
      request = ClientRequest.from(request).header(OutboundToken.HEADER, value).build();
    }
  }
}
