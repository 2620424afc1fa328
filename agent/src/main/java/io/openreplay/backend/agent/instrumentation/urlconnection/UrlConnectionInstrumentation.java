package io.openreplay.backend.agent.instrumentation.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * The JDK's {@code HttpURLConnection} (http and https; Spring's {@code SimpleClientHttpRequestFactory}, the default of
 * {@code RestTemplate}): {@code sun.net.www.http.HttpClient.writeRequests(MessageHeader, PosterOutputStream)}, which
 * writes one request's headers to the server, for the first request, each redirect, retry and authentication round.
 * The token header is in the headers for that write only, so a redirect to a host off the allow-list, which the
 * connection follows with the same headers, goes without it; a proxy's {@code CONNECT} never gets it.
 */
public final class UrlConnectionInstrumentation implements LibraryInstrumentation {

  private static final String CLIENT = "sun.net.www.http.HttpClient";

  @Override
  public String name() {
    return "url-connection";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(TypeInstrumentation.named(CLIENT,
        Binding.of(isMethod().and(named("writeRequests")).and(takesArguments(2))
                .and(takesArgument(0, named("sun.net.www.MessageHeader"))),
            "io.openreplay.backend.agent.instrumentation.urlconnection.WriteRequestsAdvice")));
  }
}
