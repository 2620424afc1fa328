package io.openreplay.backend.agent.instrumentation.jetty;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.RequestScope;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.ee10.servlet.ServletChannel;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/** {@code ServletChannel.handle()}: an ee10 servlet dispatch, also when it resumes an asynchronous request. */
public final class ServletChannelAdvice {

  private ServletChannelAdvice() {
  }

  /**
   * @param channel the servlet channel of the request
   * @return the scope opened, or {@code null} when one is already open
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static RequestScope enter(@Advice.This ServletChannel channel) {
    if (RequestScope.isOpen()) {
      return null;
    }
    Request request = channel.getRequest();
    HttpFields headers = request == null ? null : request.getHeaders();
    String[] names = AgentSettings.headerNames();
    SessionToken token = null;
    for (int i = 0; token == null && headers != null && i < names.length; i++) {
      token = SessionToken.parseOrNull(headers.get(names[i]));
    }
    return RequestScope.open(token);
  }

  /**
   * @param scope what {@link #enter(ServletChannel)} opened
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter RequestScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
