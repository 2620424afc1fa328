package io.openreplay.backend.agent.instrumentation.jetty;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RequestScope;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** {@code Server.handle(Request, Response, Callback)}: Jetty 12's whole handling of a request. */
public final class JettyRequestAdvice {

  private JettyRequestAdvice() {
  }

  /**
   * @param request Jetty's core request
   * @return the scope opened, or {@code null} when one is already open
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static RequestScope enter(@Advice.Argument(0) Request request) {
    if (RequestScope.isOpen() || request == null) {
      return null;
    }
    HttpFields headers = request.getHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.get(names[i]));
    }
    return RequestScope.open(token);
  }

  /**
   * @param scope what {@link #enter(Request)} opened
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter RequestScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
