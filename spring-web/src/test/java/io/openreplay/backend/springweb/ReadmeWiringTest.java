package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The README's wiring of {@code RestTemplate} and {@code RestClient} without Spring Boot, as written there (the
 * readme module checks that this file holds the README's block): the clients work, and with the default list, which
 * nothing sets here, the token goes nowhere.
 */
class ReadmeWiringTest {

  @Test
  void theReadmesWiringWorksAndSendsNothingByDefault() throws Exception {
    SessionToken token = SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow();
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start();
         ContextScope scope = OpenReplayContext.attach(token)) {
      RestTemplate restTemplate = new RestTemplate();
      // The README's block:
      restTemplate.getInterceptors().add(new OpenReplayClientHttpRequestInterceptor(restTemplate.getRequestFactory()));
      RestClient restClient = RestClient.builder()
          .requestFactory(new JdkClientHttpRequestFactory())   // its HttpClient follows no redirects
          .requestInterceptor(new OpenReplayClientHttpRequestInterceptor(OutboundHosts.configured(), RedirectsFollowed.NONE))
          .build();
      // End of the README's block.
      assertEquals("ok", restTemplate.getForObject(receiver.url("localhost", "/rest-template"), String.class));
      assertEquals("ok", restClient.get().uri(receiver.url("localhost", "/rest-client")).retrieve().body(String.class));
      assertEquals(List.of(), receiver.awaitCall("/rest-template").tokens());
      assertEquals(List.of(), receiver.awaitCall("/rest-client").tokens());
    }
  }
}
