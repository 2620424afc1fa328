package io.openreplay.backend.agent.instrumentation.webflux;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Spring WebFlux (and any other handler) on Reactor Netty's HTTP server, 1.2 and 1.3. Two entry points on the event
 * loop, each attaching the request's own token (or none) for its synchronous part only:
 *
 * <ul>
 *   <li>{@code reactor.netty.http.server.HttpServer$HttpServerHandle.onStateChange}, which, for a request received,
 *       calls the application's handler (Spring's {@code ReactorHttpHandlerAdapter}, and so
 *       {@code HttpWebHandlerAdapter.handle}) and subscribes to what it returns: the filters, the controller, what
 *       its operators do while subscribed, and Spring's error handling of a failure raised there;</li>
 *   <li>{@code reactor.netty.http.server.HttpServerOperations.onInboundNext}, through which every later part of the
 *       request (its body) reaches the exchange's subscribers.</li>
 * </ul>
 *
 * <p>Spring's {@code HttpWebHandlerAdapter.handle} itself only assembles the exchange's {@code Mono}; the work runs
 * when Reactor Netty subscribes, after it returns, which is why the scope is Reactor Netty's. What moves to a
 * Reactor {@code Scheduler} ({@code publishOn}, {@code subscribeOn}, {@code delayElements}, timeouts) keeps the token
 * through the executors instrumentation: Reactor's schedulers are {@code ScheduledThreadPoolExecutor}s, whose tasks
 * keep the token current when they were scheduled.
 */
public final class WebFluxInstrumentation implements LibraryInstrumentation {

  private static final String SERVER_HANDLE = "reactor.netty.http.server.HttpServer$HttpServerHandle";
  private static final String SERVER_OPERATIONS = "reactor.netty.http.server.HttpServerOperations";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.webflux.";

  @Override
  public String name() {
    return "webflux";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(SERVER_HANDLE,
            Binding.of(isMethod().and(named("onStateChange")).and(takesArguments(2))
                    .and(takesArgument(0, named("reactor.netty.Connection"))),
                PACKAGE + "RequestReceivedAdvice")),
        TypeInstrumentation.named(SERVER_OPERATIONS,
            Binding.of(isMethod().and(named("onInboundNext")).and(takesArguments(2))
                    .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext"))),
                PACKAGE + "InboundPartAdvice")));
  }
}
