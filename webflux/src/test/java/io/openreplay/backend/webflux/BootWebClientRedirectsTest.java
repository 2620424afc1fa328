package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Boot 3.5.7's own {@code WebClient.Builder} with the auto-configuration, on the connectors Spring Boot makes,
 * which follow redirects by default: a listed host's redirect to a host off the list never carries the header there,
 * and the hops and the final answer are those without OpenReplay ({@code openreplay.propagation.enabled=false}).
 * Skipped on Spring Boot 4, whose builder lives elsewhere.
 */
class BootWebClientRedirectsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @BeforeEach
  void springBoot35() {
    assumeTrue(ClassUtils.isPresent("org.springframework.boot.web.reactive.function.client.WebClientCustomizer", null)
        && ClassUtils.isPresent("org.springframework.boot.http.client.reactive.ClientHttpConnectorSettings", null),
        "Spring Boot 3.5's WebClientCustomizer and connector settings");
  }

  @AfterEach
  void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void reactorNettyJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(webClients());
  }

  @Test
  void theJdkConnectorThatFollowsRedirectsGetsNoHeader() throws Exception {
    RedirectPropagationCheck.runWithheld(webClients("spring.http.reactiveclient.connector=jdk"));
  }

  @Test
  void connectorsThatFollowNoRedirectsCarryTheToken() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      WebClient client = start("spring.http.reactiveclient.connector=jdk",
          "spring.http.reactiveclient.redirects=dont-follow",
          "openreplay.propagation.hosts=localhost:" + receiver.port()).getBean(WebClient.Builder.class).build();
      try (ContextScope scope = OpenReplayContext.attach(
          SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow())) {
        assertEquals("ok", client.get().uri(receiver.url("localhost", "/listed")).retrieve()
            .bodyToMono(String.class).block(WAIT));
        assertEquals("ok", client.get().uri(receiver.url("127.0.0.1", "/off")).retrieve()
            .bodyToMono(String.class).block(WAIT));
      }
      assertEquals(List.of(OutboundPropagationCheck.TOKEN), receiver.awaitCall("/listed").tokens());
      assertEquals(List.of(), receiver.awaitCall("/off").tokens());
    }
  }

  private RedirectingClient webClients(String... properties) {
    return hosts -> {
      List<String> all = new ArrayList<>(List.of(properties));
      all.add(hosts == null ? "openreplay.propagation.enabled=false" : "openreplay.propagation.hosts=" + hosts);
      return WebClientRedirectsTest.call(start(all.toArray(String[]::new)).getBean(WebClient.Builder.class).build());
    };
  }

  private ConfigurableApplicationContext start(String... properties) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(properties).properties("spring.main.banner-mode=off").run();
    contexts.add(context);
    return context;
  }

  /** An application with Spring Boot's auto-configuration and nothing else. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
  }
}
