package io.openreplay.backend.agent.instrumentation.javahttpclient;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import java.net.URI;
import java.net.http.HttpHeaders;
import net.bytebuddy.asm.Advice;

/**
 * {@code new jdk.internal.net.http.HttpRequestImpl(...)} of an exchange: when a token is current and the host is on
 * the allow-list, and the application set no such header itself, the token header becomes one of the exchange's
 * system headers ({@code HttpRequestImpl.setSystemHeader}, public in a package the JDK does not export, so called
 * reflectively from inside its own module).
 */
public final class ExchangeRequestAdvice {

  private ExchangeRequestAdvice() {
  }

  /**
   * @param request the exchange's request just made
   * @param uri its URI
   * @param userHeaders the headers the application set
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void onMade(
      @Advice.This Object request,
      @Advice.FieldValue("uri") URI uri,
      @Advice.FieldValue("userHeaders") HttpHeaders userHeaders) throws ReflectiveOperationException {
    String value = OutboundToken.valueFor(uri);
    if (value != null && userHeaders != null && userHeaders.firstValue(OutboundToken.HEADER).isEmpty()) {
      request.getClass().getMethod("setSystemHeader", String.class, String.class)
          .invoke(request, OutboundToken.HEADER, value);
    }
  }
}
