package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class OpenReplayExchangeFilterFunctionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = OutboundPropagationCheck.TOKEN;

  @Test
  void aCallBlockedOnOnAThreadWithATokenCarriesItToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(hosts -> {
      WebClient client = WebClient.builder().filter(hosts == null ? new OpenReplayExchangeFilterFunction()
          : new OpenReplayExchangeFilterFunction(hosts)).build();
      return (url, ownHeader) -> assertEquals("ok", client.get().uri(url).headers(headers -> {
        if (ownHeader != null) {
          headers.set("X-OpenReplay-SessionToken", ownHeader);
        }
      }).retrieve().bodyToMono(String.class).block(WAIT));
    });
  }

  @Test
  void theTokenOfTheReactorContextGoesAlongFromAnyThread() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      WebClient client = WebClient.builder()
          .filter(new OpenReplayExchangeFilterFunction(OutboundHosts.of("localhost:" + receiver.port()))).build();
      SessionToken token = SessionToken.parse(TOKEN).orElseThrow();
      assertTrue(OpenReplayContext.current().isEmpty());
      for (String url : List.of(receiver.url("localhost", "/reactor"), receiver.url("127.0.0.1", "/reactor-other"))) {
        Mono.defer(() -> client.get().uri(url).retrieve().bodyToMono(String.class))
            .subscribeOn(Schedulers.boundedElastic())
            .contextWrite(context -> context.put(ReactorTokens.KEY, token)).block(WAIT);
      }
      client.get().uri(receiver.url("localhost", "/reactor-none")).retrieve().bodyToMono(String.class).block(WAIT);
      assertEquals(List.of(TOKEN), receiver.awaitCall("/reactor").tokens());
      assertEquals(List.of(), receiver.awaitCall("/reactor-other").tokens());
      assertEquals(List.of(), receiver.awaitCall("/reactor-none").tokens());
    }
  }
}
