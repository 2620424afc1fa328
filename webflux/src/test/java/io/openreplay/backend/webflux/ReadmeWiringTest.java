package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The README's wiring of {@code WebClient} without Spring Boot, as written there (the readme module checks that this
 * file holds the README's block): the clients work, the one on Reactor Netty following a redirect to its end, and
 * with the default list, which nothing sets here, the token goes nowhere.
 */
class ReadmeWiringTest {

  @Test
  void theReadmesWiringWorksAndSendsNothingByDefault() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      // The README's block:
      WebClient webClient = WebClient.builder().filter(new OpenReplayExchangeFilterFunction()).build();
      // On a Reactor Netty client that follows redirects, each hop judged:
      HttpClient following = OpenReplayRedirectHops.judgedIn(HttpClient.create().followRedirect(true));
      WebClient redirectingWebClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(following))
          .filter(new OpenReplayExchangeFilterFunction()).build();
      // End of the README's block.
      SessionToken token = SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow();
      assertEquals("ok", webClient.get().uri(receiver.url("localhost", "/web-client")).retrieve()
          .bodyToMono(String.class).contextWrite(context -> context.put(ReactorTokens.KEY, token))
          .block(Duration.ofSeconds(10)));
      assertEquals(List.of(), receiver.awaitCall("/web-client").tokens());
      receiver.redirect("/redirecting", receiver.url("127.0.0.1", "/redirected"));
      assertEquals("ok", redirectingWebClient.get().uri(receiver.url("localhost", "/redirecting")).retrieve()
          .bodyToMono(String.class).contextWrite(context -> context.put(ReactorTokens.KEY, token))
          .block(Duration.ofSeconds(10)));
      assertEquals(List.of(), receiver.awaitCall("/redirecting").tokens());
      assertEquals(List.of(), receiver.awaitCall("/redirected").tokens());
    }
  }
}
