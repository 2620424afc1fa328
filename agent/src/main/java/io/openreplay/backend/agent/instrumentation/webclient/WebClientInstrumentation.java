package io.openreplay.backend.agent.instrumentation.webclient;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Spring's {@code WebClient}, on any connector:
 * {@code org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction.exchange}, which
 * runs when the exchange is subscribed to (on the thread serving the request, or the event loop while WebFlux's
 * handler runs), after the client's filters (a library filter's header is already there), before the connector takes
 * the request to its own threads.
 */
public final class WebClientInstrumentation implements LibraryInstrumentation {

  @Override
  public String name() {
    return "webclient";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(TypeInstrumentation.named(
        "org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction",
        Binding.of(isMethod().and(named("exchange")).and(takesArguments(1))
                .and(takesArgument(0, named("org.springframework.web.reactive.function.client.ClientRequest"))),
            "io.openreplay.backend.agent.instrumentation.webclient.ExchangeAdvice")));
  }
}
