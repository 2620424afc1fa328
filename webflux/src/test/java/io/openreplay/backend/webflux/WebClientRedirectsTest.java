package io.openreplay.backend.webflux;

import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * {@code WebClient} on a Reactor Netty client that follows redirects ({@code followRedirect(true)}), with the filter
 * and {@link OpenReplayRedirectHops}: a listed host's redirect to a host off the list never carries the header there,
 * the listed hops do, and the hops and the final answer are those without OpenReplay.
 */
class WebClientRedirectsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void reactorNettyJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(hosts -> {
      if (hosts == null) {
        return call(WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true))).build());
      }
      HttpClient httpClient = OpenReplayRedirectHops.judgedIn(HttpClient.create().followRedirect(true));
      return call(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient))
          .filter(new OpenReplayExchangeFilterFunction(hosts)).build());
    });
  }

  static RedirectingClient.RedirectCall call(WebClient client) {
    return url -> {
      ResponseEntity<String> response = client.get().uri(url).retrieve().toEntity(String.class).block(WAIT);
      return response.getStatusCode() + " " + response.getBody();
    };
  }
}
