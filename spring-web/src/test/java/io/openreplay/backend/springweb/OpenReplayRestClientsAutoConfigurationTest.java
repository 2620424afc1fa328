package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Boot's own {@code RestTemplateBuilder} and {@code RestClient.Builder} make clients that carry the token to
 * the hosts of {@code openreplay.propagation.hosts}, and to no others; without the property, to none.
 */
class OpenReplayRestClientsAutoConfigurationTest {

  private static final String TOKEN = OutboundPropagationCheck.TOKEN;

  @Test
  void bootsBuildersCarryTheTokenToTheHostsOfTheSpringProperty() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start();
         ConfigurableApplicationContext context = start("openreplay.propagation.hosts=localhost:" + receiver.port())) {
      RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
      RestClient restClient = context.getBean(RestClient.Builder.class).build();
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parse(TOKEN).orElseThrow())) {
        restTemplate.getForObject(receiver.url("localhost", "/rest-template"), String.class);
        restTemplate.getForObject(receiver.url("127.0.0.1", "/rest-template-other-host"), String.class);
        restClient.get().uri(receiver.url("localhost", "/rest-client")).retrieve().body(String.class);
        restClient.get().uri(receiver.url("127.0.0.1", "/rest-client-other-host")).retrieve().body(String.class);
      }
      assertEquals(List.of(TOKEN), receiver.awaitCall("/rest-template").tokens());
      assertEquals(List.of(), receiver.awaitCall("/rest-template-other-host").tokens());
      assertEquals(List.of(TOKEN), receiver.awaitCall("/rest-client").tokens());
      assertEquals(List.of(), receiver.awaitCall("/rest-client-other-host").tokens());
    }
  }

  @Test
  void withoutThePropertyTheTokenGoesNowhere() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start();
         ConfigurableApplicationContext context = start()) {
      RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
      RestClient restClient = context.getBean(RestClient.Builder.class).build();
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parse(TOKEN).orElseThrow())) {
        restTemplate.getForObject(receiver.url("localhost", "/rest-template"), String.class);
        restClient.get().uri(receiver.url("localhost", "/rest-client")).retrieve().body(String.class);
      }
      assertEquals(List.of(), receiver.awaitCall("/rest-template").tokens());
      assertEquals(List.of(), receiver.awaitCall("/rest-client").tokens());
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(properties)
        .properties("spring.main.banner-mode=off").run();
  }

  /** An application with Spring Boot's auto-configuration and nothing else. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
  }
}
