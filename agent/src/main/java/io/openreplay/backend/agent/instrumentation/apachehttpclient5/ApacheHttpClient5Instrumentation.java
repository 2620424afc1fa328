package io.openreplay.backend.agent.instrumentation.apachehttpclient5;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Apache HttpClient 5 (and so Spring's {@code HttpComponentsClientHttpRequestFactory}), at the last link of its
 * execution chains, after the request interceptors (a library interceptor's header is already there) and once per
 * route, so a redirect to another host is judged again:
 *
 * <ul>
 *   <li>classic: {@code org.apache.hc.client5.http.impl.classic.MainClientExec.execute};</li>
 *   <li>async: {@code org.apache.hc.client5.http.impl.async.AsyncConnectExec.execute}, which the first attempt reaches
 *       on the caller's thread, before the connection is leased.</li>
 * </ul>
 *
 * <p>The minimal clients ({@code HttpClients.createMinimal()}, {@code HttpAsyncClients.createMinimal()}), which have no
 * chain, and the HTTP/2-only async client are not instrumented.
 */
public final class ApacheHttpClient5Instrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.apachehttpclient5.";

  @Override
  public String name() {
    return "apache-httpclient5";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named("org.apache.hc.client5.http.impl.classic.MainClientExec",
            Binding.of(isMethod().and(named("execute"))
                    .and(takesArgument(1, named("org.apache.hc.client5.http.classic.ExecChain$Scope"))),
                PACKAGE + "ClassicExecAdvice")),
        TypeInstrumentation.named("org.apache.hc.client5.http.impl.async.AsyncConnectExec",
            Binding.of(isMethod().and(named("execute"))
                    .and(takesArgument(2, named("org.apache.hc.client5.http.async.AsyncExecChain$Scope"))),
                PACKAGE + "AsyncExecAdvice")));
  }
}
