package io.openreplay.backend.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * The JDK's {@code java.net.http.HttpClient}: each exchange's own request,
 * {@code jdk.internal.net.http.HttpRequestImpl}, made from the application's request when it is sent
 * ({@code HttpRequestImpl(HttpRequest, ProxySelector)}) and again for a redirect or an authentication retry
 * ({@code HttpRequestImpl(URI, String, HttpRequestImpl, boolean...)}). Each gets the token header among its system
 * headers, which belong to that exchange alone: a redirect to a host off the allow-list is a new request, which does
 * not get it, and the application's request object is never changed. Redirects are made on the client's own threads,
 * where no token is current, so they go without the header.
 */
public final class JavaHttpClientInstrumentation implements LibraryInstrumentation {

  private static final String REQUEST = "jdk.internal.net.http.HttpRequestImpl";

  @Override
  public String name() {
    return "java-http-client";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(TypeInstrumentation.named(REQUEST,
        Binding.of(isConstructor().and(takesArgument(0, named("java.net.http.HttpRequest"))
                .or(takesArgument(0, named("java.net.URI")))),
            "io.openreplay.backend.agent.instrumentation.javahttpclient.ExchangeRequestAdvice")));
  }
}
