/**
 * The token of Spring WebFlux requests (Reactor Netty, and the other servers WebFlux runs on): read from the request's
 * headers into the Reactor context ({@link io.openreplay.backend.webflux.OpenReplayHttpHandler}, or
 * {@link io.openreplay.backend.webflux.OpenReplayWebFilter}), and made current, with its MDC keys, on whichever thread
 * runs the request's operators by Reactor's automatic context propagation and
 * {@link io.openreplay.backend.webflux.OpenReplayThreadLocalAccessor}. Spring Boot applies it through
 * {@link io.openreplay.backend.webflux.OpenReplayWebFluxAutoConfiguration}.
 *
 * <p>The token going out: {@link io.openreplay.backend.webflux.OpenReplayExchangeFilterFunction} puts it on
 * {@code WebClient} calls to the hosts of the allow-list ({@link io.openreplay.backend.OutboundHosts}), and on no
 * others, nor to a redirect's target off the list ({@link io.openreplay.backend.webflux.OpenReplayRedirectHops}, for
 * a Reactor Netty client that follows redirects); Spring Boot 3 adds it to its {@code WebClient.Builder} through
 * {@link io.openreplay.backend.webflux.OpenReplayWebClientAutoConfiguration}.
 */
package io.openreplay.backend.webflux;
