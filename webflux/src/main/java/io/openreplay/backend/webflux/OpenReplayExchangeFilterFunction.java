package io.openreplay.backend.webflux;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import java.util.Objects;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A {@code WebClient} filter that adds {@value OutboundHeader#NAME} with the token of the request being served to
 * calls to the hosts of the allow-list: {@code WebClient.builder().filter(new OpenReplayExchangeFilterFunction())}.
 *
 * <p>The token is the one in the call's Reactor context ({@link ReactorTokens#KEY}, where this library's
 * {@link OpenReplayHttpHandler} and {@link OpenReplayWebFilter} put a WebFlux request's token) or, when there is none,
 * {@link OpenReplayContext#current()} on the thread that subscribes to the call (a servlet request's, when a Spring
 * MVC application calls {@code block()} or subscribes on its own thread). Nothing is added when there is no token,
 * when the host is not on the list, or when the request already has the header (it is sent as the application set
 * it).
 *
 * <p>The filter runs once per call, before the connector's client sends it, and a client that follows redirects
 * copies the header to wherever a redirect points. Reactor Netty follows none unless told to; one that does
 * ({@code followRedirect(true)}) must judge each hop with {@link OpenReplayRedirectHops}, which takes the header off
 * where a redirect leads off the list (the filter keeps what it added in the call's Reactor context for it). Use the
 * filter on no other connector whose client follows redirects.
 */
public final class OpenReplayExchangeFilterFunction implements ExchangeFilterFunction {

  private final OutboundHosts hosts;

  /**
   * With the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set).
   */
  public OpenReplayExchangeFilterFunction() {
    this(OutboundHosts.configured());
  }

  /**
   * With an allow-list of the application's.
   *
   * @param hosts the hosts the token may go to
   */
  public OpenReplayExchangeFilterFunction(OutboundHosts hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    if (request.headers().getFirst(OutboundHeader.NAME) != null) {
      return next.exchange(request);
    }
    return Mono.deferContextual(context -> {
      String value = OutboundHeader.valueFor(hosts, tokenOf(context), request.url());
      if (value == null) {
        return next.exchange(request);
      }
      AddedTokenHeader added = new AddedTokenHeader(value, hosts);
      return next.exchange(ClientRequest.from(request).header(OutboundHeader.NAME, value).build())
          .contextWrite(callContext -> callContext.put(AddedTokenHeader.class, added));
    });
  }

  private static SessionToken tokenOf(ContextView context) {
    Object token = context.getOrDefault(ReactorTokens.KEY, null);
    return token instanceof SessionToken ? (SessionToken) token : OpenReplayContext.current().orElse(null);
  }
}
