package io.openreplay.backend.agent.instrumentation.servlet;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RequestScope;
import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/** {@code javax.servlet} {@code Servlet.service} / {@code Filter.doFilter}: the outermost one opens the request scope. */
public final class JavaxRequestAdvice {

  private JavaxRequestAdvice() {
  }

  /**
   * @param request the request
   * @return the scope opened, or {@code null} when an outer entry point already opened one
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static RequestScope enter(@Advice.Argument(0) ServletRequest request) {
    if (RequestScope.isOpen() || !(request instanceof HttpServletRequest)) {
      return null;
    }
    HttpServletRequest http = (HttpServletRequest) request;
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && i < names.length; i++) {
      token = SessionToken.parseOrNull(http.getHeader(names[i]));
    }
    return RequestScope.open(token);
  }

  /**
   * @param scope what {@link #enter(ServletRequest)} opened
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter RequestScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
