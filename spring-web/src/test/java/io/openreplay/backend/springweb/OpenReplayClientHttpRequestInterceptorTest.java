package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.testkit.outbound.OutboundClient;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

class OpenReplayClientHttpRequestInterceptorTest {

  @Test
  void restTemplateCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new RestTemplates());
  }

  @Test
  void restClientCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new RestClients());
  }

  private static OpenReplayClientHttpRequestInterceptor interceptor(OutboundHosts hosts) {
    return hosts == null ? new OpenReplayClientHttpRequestInterceptor()
        : new OpenReplayClientHttpRequestInterceptor(hosts);
  }

  /** {@code RestTemplate} with its default request factory and the interceptor. */
  static final class RestTemplates implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      RestTemplate restTemplate = new RestTemplate();
      restTemplate.getInterceptors().add(interceptor(hosts));
      return (url, ownHeader) -> {
        HttpHeaders headers = new HttpHeaders();
        if (ownHeader != null) {
          headers.set("X-OpenReplay-SessionToken", ownHeader);
        }
        assertEquals("ok", restTemplate.exchange(new RequestEntity<Void>(headers, HttpMethod.GET, URI.create(url)),
            String.class).getBody());
      };
    }
  }

  /** {@code RestClient} with its default request factory and the interceptor. */
  static final class RestClients implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      RestClient client = RestClient.builder().requestInterceptor(interceptor(hosts)).build();
      return (url, ownHeader) -> assertEquals("ok", client.get().uri(URI.create(url))
          .headers(headers -> {
            if (ownHeader != null) {
              headers.set("X-OpenReplay-SessionToken", ownHeader);
            }
          }).retrieve().body(String.class));
    }
  }
}
