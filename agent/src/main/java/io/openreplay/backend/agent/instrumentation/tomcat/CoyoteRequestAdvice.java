package io.openreplay.backend.agent.instrumentation.tomcat;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RequestScope;
import net.bytebuddy.asm.Advice;
import org.apache.coyote.Request;

/** {@code CoyoteAdapter.service} / {@code asyncDispatch}: Tomcat's whole handling of a request or a dispatch. */
public final class CoyoteRequestAdvice {

  private CoyoteRequestAdvice() {
  }

  /**
   * @param request Tomcat's low-level request
   * @return the scope opened, or {@code null} when one is already open
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static RequestScope enter(@Advice.Argument(0) Request request) {
    if (RequestScope.isOpen() || request == null) {
      return null;
    }
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && i < names.length; i++) {
      token = SessionToken.parseOrNull(request.getHeader(names[i]));
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
