package io.openreplay.backend.webflux;

import io.openreplay.backend.SessionToken;
import java.util.Objects;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Wraps the whole handling of a request, around WebFlux's {@code HttpWebHandlerAdapter}: the request's token goes
 * into the Reactor context of everything it runs, the {@code WebFilter}s, the handler, the
 * {@code WebExceptionHandler}s (Spring Boot's error handling and its ERROR line for a 500 among them) and the
 * adapter's own logging. With automatic context propagation the token is current wherever those run.
 *
 * <p>A request without a valid token header is handled as it would be without this class. Spring Boot applies it
 * through {@link Decorator}, a {@link HttpHandlerDecoratorFactory} bean; elsewhere wrap the application's
 * {@code HttpHandler} (for instance the one {@code WebHttpHandlerBuilder} builds) before handing it to the server.
 */
public final class OpenReplayHttpHandler implements HttpHandler {

  private final HttpHandler delegate;
  private final TokenHeaders headers;

  /**
   * Wraps a handler.
   *
   * @param delegate the application's handler
   * @param headers the headers that carry the token
   */
  public OpenReplayHttpHandler(HttpHandler delegate, TokenHeaders headers) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  @Override
  public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
    SessionToken token = headers.findOrNone(request.getHeaders());
    Mono<Void> handled = delegate.handle(request, response);
    return token == null ? handled : ReactorTokens.carrying(handled, token);
  }

  /** Decorates the application's {@code HttpHandler} with {@link OpenReplayHttpHandler}. */
  public static final class Decorator implements HttpHandlerDecoratorFactory {

    private final TokenHeaders headers;

    /**
     * A decorator reading the given headers.
     *
     * @param headers the headers that carry the token
     */
    public Decorator(TokenHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
      return handler instanceof OpenReplayHttpHandler ? handler : new OpenReplayHttpHandler(handler, headers);
    }
  }
}
