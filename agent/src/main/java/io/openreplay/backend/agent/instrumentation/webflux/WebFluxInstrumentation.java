package io.openreplay.backend.agent.instrumentation.webflux;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;
import java.util.stream.Stream;

/**
 * Spring WebFlux (and any other handler) on Reactor Netty's HTTP server, 1.2 and 1.3, with Reactor 3.7 and 3.8. The
 * request's token goes into the request's Reactor context, and is attached, on whichever thread, where a signal
 * reaches the request's subscribers from elsewhere:
 *
 * <ul>
 *   <li>the constructors of {@code reactor.netty.http.server.HttpServerOperations}, the root subscriber of the
 *       request, put the token into its Reactor context, so that every subscriber of the request can tell it;</li>
 *   <li>{@code reactor.netty.http.server.HttpServer$HttpServerHandle.onStateChange}, which, for a request received,
 *       calls the application's handler (Spring's {@code ReactorHttpHandlerAdapter}, and so
 *       {@code HttpWebHandlerAdapter.handle}) and subscribes to what it returns, and
 *       {@code HttpServerOperations.onInboundNext}, through which every later part of the request (its body)
 *       reaches the exchange's subscribers, attach the request's token on the event loop;</li>
 *   <li>outbound calls through Reactor Netty's client (Spring's {@code WebClient}): their answer reaches the calling
 *       request's continuation on another connection's event loop, through
 *       {@code reactor.netty.http.client.HttpClientConnect$HttpObserver} ({@code onStateChange}: the answer's head,
 *       {@code onUncaughtException}: a failure) and {@code reactor.netty.http.client.HttpClientOperations}
 *       ({@code onInboundNext}: its parts and end, {@code onInboundClose}), which attach the token of the call's
 *       Reactor context, that of the request that made the call;</li>
 *   <li>values shared between requests ({@link #SHARED_VALUES}) and the sinks of {@code Flux.create},
 *       {@code Flux.push} and {@code Mono.create}, which any thread may feed ({@link #FED_ANYWHERE}): each subscriber
 *       receives its signals with the token of its own request, never with that of the request whose work produced
 *       the value or fed the sink.</li>
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
  private static final String CLIENT_OBSERVER = "reactor.netty.http.client.HttpClientConnect$HttpObserver";
  private static final String CLIENT_OPERATIONS = "reactor.netty.http.client.HttpClientOperations";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.webflux.";
  private static final String PUBLISHERS = "reactor.core.publisher.";

  /**
   * Reactor's publishers whose values reach subscribers other than the one whose work produced them, by their exact
   * names ({@code subscribe} or {@code subscribeOrReturn} of each): {@code Mono.cache()} and
   * {@code cacheInvalidateIf/When}, {@code Flux.cache()} and {@code replay()}, {@code Flux.publish()} and
   * {@code share()}, {@code Mono.share()}, the sinks of {@code Sinks.one()}, {@code Sinks.empty()} and
   * {@code Sinks.many()}, and the older processors. A name the running Reactor lacks matches nothing.
   */
  static final List<String> SHARED_VALUES = List.of(
      PUBLISHERS + "MonoCacheTime", PUBLISHERS + "MonoCacheInvalidateIf", PUBLISHERS + "MonoCacheInvalidateWhen",
      PUBLISHERS + "FluxReplay", PUBLISHERS + "FluxPublish", PUBLISHERS + "NextProcessor",
      PUBLISHERS + "SinkEmptyMulticast", PUBLISHERS + "SinkOneMulticast", PUBLISHERS + "SinkManyEmitterProcessor",
      PUBLISHERS + "SinkManyBestEffort", PUBLISHERS + "SinkManyReplayProcessor", PUBLISHERS + "SinkManyUnicast",
      PUBLISHERS + "SinkManyUnicastNoBackpressure", PUBLISHERS + "EmitterProcessor", PUBLISHERS + "DirectProcessor",
      PUBLISHERS + "ReplayProcessor", PUBLISHERS + "UnicastProcessor");

  /**
   * Reactor's publishers whose sink the application's code feeds, from whichever thread holds it (another request's,
   * a listener's), by their exact names: {@code Flux.create()} and {@code Flux.push()} (both {@code FluxCreate}) and
   * {@code Mono.create()}. Their subscribers subscribe as {@link #SHARED_VALUES}' do. Used within one request (as
   * Reactor Netty's connection pool uses {@code Mono.create} for each {@code WebClient} call), the token kept is that
   * request's, the one its signals carried already.
   */
  static final List<String> FED_ANYWHERE = List.of(PUBLISHERS + "FluxCreate", PUBLISHERS + "MonoCreate");

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
            Binding.of(isConstructor(), PACKAGE + "RequestContextAdvice"),
            Binding.of(isMethod().and(named("onInboundNext")).and(takesArguments(2))
                    .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext"))),
                PACKAGE + "ContextTokenAdvice")),
        TypeInstrumentation.named(CLIENT_OBSERVER,
            Binding.of(isMethod().and(named("onStateChange").or(named("onUncaughtException"))).and(takesArguments(2))
                    .and(takesArgument(0, named("reactor.netty.Connection"))),
                PACKAGE + "ContextTokenAdvice")),
        TypeInstrumentation.named(CLIENT_OPERATIONS,
            Binding.of(isMethod().and(named("onInboundNext")).and(takesArguments(2))
                    .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext")))
                    .or(isMethod().and(named("onInboundClose")).and(takesArguments(0))),
                PACKAGE + "ContextTokenAdvice")),
        TypeInstrumentation.named(Stream.concat(SHARED_VALUES.stream(), FED_ANYWHERE.stream()).toList(),
            Binding.of(isMethod().and(namedOneOf("subscribe", "subscribeOrReturn")).and(takesArguments(1))
                    .and(takesArgument(0, named("reactor.core.CoreSubscriber"))),
                PACKAGE + "SharedValueSubscriberAdvice")));
  }
}
