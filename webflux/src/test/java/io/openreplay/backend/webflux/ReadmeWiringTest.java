package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The README's wiring of {@code WebClient} without Spring Boot, as written there (the readme module checks that this
 * file holds the README's block): the client works, and with the default list, which nothing sets here, the token
 * goes nowhere.
 */
class ReadmeWiringTest {

  @Test
  void theReadmesWiringWorksAndSendsNothingByDefault() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      // The README's block:
      WebClient webClient = WebClient.builder().filter(new OpenReplayExchangeFilterFunction()).build();
      // End of the README's block.
      SessionToken token = SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow();
      assertEquals("ok", webClient.get().uri(receiver.url("localhost", "/web-client")).retrieve()
          .bodyToMono(String.class).contextWrite(context -> context.put(ReactorTokens.KEY, token))
          .block(Duration.ofSeconds(10)));
      assertEquals(List.of(), receiver.awaitCall("/web-client").tokens());
    }
  }
}
