package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Boot 3.5.7's own builders with the auto-configuration, on the request factories Spring Boot picks, following
 * redirects as Spring Boot's default has them: a listed host's redirect to a host off the list never carries the
 * header there, and the hops and the final answer are those without OpenReplay ({@code openreplay.propagation.enabled
 * =false}). {@link BootJdkClientRedirectsTest} has Spring Boot's java.net.http client in detail.
 */
class BootBuildersRedirectsTest {

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void apacheHttpClientJudgesEachHopOfRestClient() throws Exception {
    RedirectPropagationCheck.run(restClients());
  }

  @Test
  void apacheHttpClientJudgesEachHopOfRestTemplate() throws Exception {
    RedirectPropagationCheck.run(restTemplates());
  }

  @Test
  void theJdkClientChosenByPropertyHasEachHopJudged() throws Exception {
    RedirectPropagationCheck.run(restClients("spring.http.client.factory=jdk"));
  }

  @Test
  void httpUrlConnectionThatFollowsRedirectsGetsNoHeader() throws Exception {
    RedirectPropagationCheck.runWithheld(restTemplates("spring.http.client.factory=simple"));
  }

  @Test
  void clientsThatFollowNoRedirectsCarryTheToken() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      ConfigurableApplicationContext context = start("spring.http.client.factory=jdk",
          "spring.http.client.redirects=dont-follow", "openreplay.propagation.hosts=localhost:" + receiver.port());
      RestClient restClient = context.getBean(RestClient.Builder.class).build();
      try (ContextScope scope = OpenReplayContext.attach(
          SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow())) {
        assertEquals("ok", restClient.get().uri(receiver.url("localhost", "/listed")).retrieve().body(String.class));
        assertEquals("ok", restClient.get().uri(receiver.url("127.0.0.1", "/off")).retrieve().body(String.class));
      }
      assertEquals(List.of(OutboundPropagationCheck.TOKEN), receiver.awaitCall("/listed").tokens());
      assertEquals(List.of(), receiver.awaitCall("/off").tokens());
    }
  }

  private RedirectingClient restClients(String... properties) {
    return hosts -> {
      RestClient client = start(properties, hosts).getBean(RestClient.Builder.class).build();
      return url -> answer(client.get().uri(url).retrieve().toEntity(String.class));
    };
  }

  private RedirectingClient restTemplates(String... properties) {
    return hosts -> {
      RestTemplate restTemplate = start(properties, hosts).getBean(RestTemplateBuilder.class).build();
      return url -> answer(restTemplate.getForEntity(url, String.class));
    };
  }

  /** An application with the properties and the list, or with OpenReplay's propagation off for {@code null}. */
  private ConfigurableApplicationContext start(String[] properties, OutboundHosts hosts) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add(hosts == null ? "openreplay.propagation.enabled=false" : "openreplay.propagation.hosts=" + hosts);
    return start(all.toArray(String[]::new));
  }

  private ConfigurableApplicationContext start(String... properties) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(
        OpenReplayRestClientsAutoConfigurationTest.App.class).web(WebApplicationType.NONE).properties(properties)
        .properties("spring.main.banner-mode=off").run();
    contexts.add(context);
    return context;
  }

  private static String answer(ResponseEntity<String> response) {
    return response.getStatusCode() + " " + response.getBody();
  }
}
