package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.httpclient5.OpenReplayRequestInterceptor;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Function;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * {@code RestTemplate} and {@code RestClient} on request factories whose clients follow redirects, each with the
 * interceptor as {@link RedirectsFollowed#by} sets it up for the factory: a listed host's redirect to a host off the
 * list never carries the header there, and the hops and the final answer are those without OpenReplay.
 */
class RestClientRedirectsTest {

  @Test
  void httpUrlConnectionGetsNoHeaderOnTheGetsItRedirects() throws Exception {
    RedirectPropagationCheck.runWithheld(restTemplate(hosts -> new SimpleClientHttpRequestFactory()));
  }

  @Test
  void aJdkHttpClientThatFollowsRedirectsGetsNoHeader() throws Exception {
    RedirectPropagationCheck.runWithheld(restClient(hosts -> new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build())));
  }

  @Test
  void apacheHttpClientWithOpenReplaysInterceptorJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(restClient(hosts -> new HttpComponentsClientHttpRequestFactory(hosts == null
        ? HttpClients.createDefault()
        : HttpClients.custom().addRequestInterceptorLast(new OpenReplayRequestInterceptor(hosts)).build())));
  }

  @Test
  void apacheHttpClientWithoutItGetsNoHeader() throws Exception {
    RedirectPropagationCheck.runWithheld(restTemplate(hosts -> new HttpComponentsClientHttpRequestFactory()));
  }

  /**
   * @param requestFactories the factory for an allow-list, or for {@code null} the one without OpenReplay
   */
  private static RedirectingClient restClient(Function<OutboundHosts, ClientHttpRequestFactory> requestFactories) {
    return hosts -> {
      ClientHttpRequestFactory requestFactory = requestFactories.apply(hosts);
      RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory);
      if (hosts != null) {
        builder.requestInterceptor(
            new OpenReplayClientHttpRequestInterceptor(hosts, RedirectsFollowed.by(requestFactory)));
      }
      RestClient client = builder.build();
      return url -> answer(client.get().uri(URI.create(url)).retrieve().toEntity(String.class));
    };
  }

  private static RedirectingClient restTemplate(Function<OutboundHosts, ClientHttpRequestFactory> requestFactories) {
    return hosts -> {
      RestTemplate restTemplate = new RestTemplate(requestFactories.apply(hosts));
      if (hosts != null) {
        restTemplate.getInterceptors().add(new OpenReplayClientHttpRequestInterceptor(hosts,
            RedirectsFollowed.by(restTemplate.getRequestFactory())));
      }
      return url -> answer(restTemplate.getForEntity(URI.create(url), String.class));
    };
  }

  private static String answer(ResponseEntity<String> response) {
    return response.getStatusCode() + " " + response.getBody();
  }
}
