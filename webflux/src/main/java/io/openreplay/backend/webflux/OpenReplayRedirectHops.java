package io.openreplay.backend.webflux;

import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;

/**
 * Judges each hop of a Reactor Netty {@link HttpClient} that follows redirects ({@code followRedirect(true)}), for
 * {@link OpenReplayExchangeFilterFunction}: the filter runs once per call, before the client sends it, and the client
 * sends the call's headers again to wherever a redirect points; on each request the client sends, a redirect's
 * included, this takes the token header the filter added off again when the request goes to a host not on the
 * filter's list (as the request is written, after Spring's connector has set its headers). A header the application
 * set itself is left as it is.
 *
 * <pre>{@code
 * HttpClient httpClient = OpenReplayRedirectHops.judgedIn(HttpClient.create().followRedirect(true));
 * WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient))
 *     .filter(new OpenReplayExchangeFilterFunction()).build();
 * }</pre>
 */
public final class OpenReplayRedirectHops {

  private OpenReplayRedirectHops() {
  }

  /**
   * @param client the application's client
   * @return the client that judges each of its requests' hops (Reactor Netty's {@code doOnRequest})
   */
  public static HttpClient judgedIn(HttpClient client) {
    return client.doOnRequest(OpenReplayRedirectHops::judge);
  }

  private static void judge(HttpClientRequest request, Connection connection) {
    AddedTokenHeader added = request.currentContextView().getOrDefault(AddedTokenHeader.class, null);
    if (added == null) {
      return;
    }
    connection.removeHandler(TokenHeaderRemoval.NAME);
    if (!added.allowedAt(request.resourceUrl())) {
      connection.addHandlerFirst(TokenHeaderRemoval.NAME, new TokenHeaderRemoval(added.value()));
    }
  }
}
