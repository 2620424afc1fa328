package io.openreplay.backend.webflux;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the request's token into the Reactor context of the rest of the filter chain and the handler: for WebFlux
 * applications that register {@code WebFilter}s themselves. With automatic context propagation the token is current
 * wherever the chain's operators run.
 *
 * <p>{@code WebExceptionHandler}s run outside the filter chain, so what they log (Spring Boot's ERROR line for a 500,
 * for one) does not carry the token through this filter: {@link OpenReplayHttpHandler}, which Spring Boot's
 * auto-configuration applies, covers them too. A request whose token is current already when the filter is entered
 * (put there by {@link OpenReplayHttpHandler}) is passed through. A request without a valid token header is
 * passed through untouched.
 */
public final class OpenReplayWebFilter implements WebFilter, Ordered {

  private final TokenHeaders headers;

  /** A filter reading the default headers ({@link TokenHeaders#DEFAULT}). */
  public OpenReplayWebFilter() {
    this(TokenHeaders.DEFAULT);
  }

  /**
   * A filter reading the given headers.
   *
   * @param headers the headers that carry the token
   */
  public OpenReplayWebFilter(TokenHeaders headers) {
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    SessionToken token = headers.findOrNone(exchange.getRequest().getHeaders());
    if (token == null || token.equals(OpenReplayContext.current().orElse(null))) {
      return chain.filter(exchange);
    }
    return ReactorTokens.carrying(chain.filter(exchange), token);
  }

  /**
   * First of all filters, so that every other filter runs with the token.
   *
   * @return {@link Ordered#HIGHEST_PRECEDENCE}
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
