package io.openreplay.backend.agent.instrumentation.urlconnection;

import io.openreplay.backend.agent.bootstrap.OutboundToken;
import java.lang.reflect.Method;
import java.net.URL;
import net.bytebuddy.asm.Advice;

/**
 * {@code sun.net.www.http.HttpClient.writeRequests(MessageHeader, PosterOutputStream)}: when a token is current, the
 * server is on the allow-list and the headers lack the token header, it is added for this write and removed after
 * it. {@code MessageHeader} is in a package the JDK does not export, so its public methods are called reflectively,
 * from inside {@code java.base} where the advice runs.
 */
public final class WriteRequestsAdvice {

  private WriteRequestsAdvice() {
  }

  /**
   * @param headers the request line and headers about to be written
   * @param url the server's URL
   * @return whether the header was added, to be removed once written
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(@Advice.Argument(0) Object headers, @Advice.FieldValue("url") URL url)
      throws ReflectiveOperationException {
    String value = OutboundToken.valueFor(url);
    if (value == null || headers == null) {
      return false;
    }
    Class<?> type = headers.getClass();
    Object requestLine = type.getMethod("getKey", int.class).invoke(headers, 0);
    if (requestLine instanceof String line && line.startsWith("CONNECT ")) {
      return false;
    }
    if (type.getMethod("findValue", String.class).invoke(headers, OutboundToken.HEADER) != null) {
      return false;
    }
    type.getMethod("add", String.class, String.class).invoke(headers, OutboundToken.HEADER, value);
    return true;
  }

  /**
   * @param headers the headers written
   * @param added what {@link #enter(Object, URL)} returned
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Argument(0) Object headers, @Advice.Enter boolean added)
      throws ReflectiveOperationException {
    if (added) {
      Method remove = headers.getClass().getMethod("remove", String.class);
      remove.invoke(headers, OutboundToken.HEADER);
    }
  }
}
