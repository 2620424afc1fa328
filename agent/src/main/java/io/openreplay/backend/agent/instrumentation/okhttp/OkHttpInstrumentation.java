package io.openreplay.backend.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * OkHttp 4 and 5: {@code okhttp3.internal.connection.Exchange.writeRequestHeaders(Request)}, where each network
 * request (the first, each redirect and retry) is written, after every application and network interceptor (a library
 * interceptor's header is already there). Only the request written gets the header: the chain's request, from which
 * OkHttp builds a redirect to another host, is left as it is.
 */
public final class OkHttpInstrumentation implements LibraryInstrumentation {

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(TypeInstrumentation.named("okhttp3.internal.connection.Exchange",
        Binding.of(isMethod().and(named("writeRequestHeaders")).and(takesArguments(1))
                .and(takesArgument(0, named("okhttp3.Request"))),
            "io.openreplay.backend.agent.instrumentation.okhttp.WriteRequestHeadersAdvice")));
  }
}
