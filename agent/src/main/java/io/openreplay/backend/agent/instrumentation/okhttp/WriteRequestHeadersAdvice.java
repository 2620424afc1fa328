package io.openreplay.backend.agent.instrumentation.okhttp;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * {@code Exchange.writeRequestHeaders(request)}: when a token is current, the request's host is on the allow-list and
 * the request lacks the header, a copy with the token header is written in its place.
 */
public final class WriteRequestHeadersAdvice {

  private WriteRequestHeadersAdvice() {
  }

  /**
   * @param request the network request about to be written; replaced by a copy with the header
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Request request) {
    HttpUrl url = request.url();
    String value = OutboundToken.valueFor(url.scheme(), url.host(), url.port());
    if (value != null && request.header(OutboundToken.HEADER) == null) {
      request = request.newBuilder().header(OutboundToken.HEADER, value).build();
    }
  }
}
