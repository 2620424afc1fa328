package io.openreplay.backend.agent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.ArrayList;
import java.util.List;

/**
 * Every servlet and filter class of both servlet APIs ({@code jakarta.servlet} and {@code javax.servlet}):
 * {@code service(ServletRequest, ServletResponse)}, {@code doFilter(ServletRequest, ServletResponse, FilterChain)}
 * and the containers' {@code AsyncContext.start(Runnable)}. Only classes that declare such a method (their class
 * file holds its descriptor) or implement {@code AsyncContext} themselves are described and matched against the
 * servlet types.
 */
public final class ServletInstrumentation implements LibraryInstrumentation {

  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.servlet.";
  private static final String HANDOVER = "io.openreplay.backend.agent.instrumentation.handover.";

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public List<TypeInstrumentation> types() {
    List<TypeInstrumentation> types = new ArrayList<>();
    types.addAll(forApi("jakarta.servlet", PACKAGE + "JakartaRequestAdvice"));
    types.addAll(forApi("javax.servlet", PACKAGE + "JavaxRequestAdvice"));
    return types;
  }

  private static List<TypeInstrumentation> forApi(String api, String requestAdvice) {
    String request = api + ".ServletRequest";
    String response = api + ".ServletResponse";
    String requestDescriptor = "L" + request.replace('.', '/') + ";L" + response.replace('.', '/') + ";";
    return List.of(
        TypeInstrumentation.subtypes(api + ".Servlet", "(" + requestDescriptor + ")V",
            Binding.of(isMethod().and(named("service")).and(not(isAbstract())).and(takesArguments(2))
                .and(takesArgument(0, named(request))).and(takesArgument(1, named(response))), requestAdvice)),
        TypeInstrumentation.subtypes(api + ".Filter",
            "(" + requestDescriptor + "L" + (api + ".FilterChain").replace('.', '/') + ";)V",
            Binding.of(isMethod().and(named("doFilter")).and(not(isAbstract())).and(takesArguments(3))
                .and(takesArgument(0, named(request))).and(takesArgument(1, named(response))), requestAdvice)),
        TypeInstrumentation.subtypes(api + ".AsyncContext", (api + ".AsyncContext").replace('.', '/'),
            Binding.of(isMethod().and(named("start")).and(not(isAbstract())).and(takesArguments(Runnable.class)),
                HANDOVER + "RunnableArgumentAdvice")));
  }
}
