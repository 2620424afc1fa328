package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundClient;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The interceptor in front of request factories whose clients follow no redirect of the call: the token to the listed
 * hosts only. {@link RestClientRedirectsTest} has the factories whose clients follow redirects.
 */
class OpenReplayClientHttpRequestInterceptorTest {

  @Test
  void restTemplateCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new RestTemplates());
  }

  @Test
  void restClientCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new RestClients());
  }

  @Test
  void httpUrlConnectionsCallsOtherThanGetCarryTheToken() throws Exception {
    SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
    RestTemplate restTemplate = new RestTemplate(requestFactory);
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      restTemplate.getInterceptors().add(new OpenReplayClientHttpRequestInterceptor(
          OutboundHosts.of("localhost:" + receiver.port()), RedirectsFollowed.by(requestFactory)));
      try (ContextScope scope = OpenReplayContext.attach(
          SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow())) {
        assertEquals("ok", restTemplate.postForObject(receiver.url("localhost", "/post"), "body", String.class));
        assertEquals("ok", restTemplate.getForObject(receiver.url("localhost", "/get"), String.class));
      }
      assertEquals(List.of(OutboundPropagationCheck.TOKEN), receiver.awaitCall("/post").tokens(),
          "a POST, which HttpURLConnection does not redirect");
      assertEquals(List.of(), receiver.awaitCall("/get").tokens(), "a GET, which it may redirect anywhere");
    }
  }

  /** The interceptor in front of a {@code HttpClient} that follows no redirect, with an explicit list or none. */
  private static OpenReplayClientHttpRequestInterceptor interceptor(OutboundHosts hosts) {
    return new OpenReplayClientHttpRequestInterceptor(hosts == null ? OutboundHosts.configured() : hosts,
        RedirectsFollowed.NONE);
  }

  /** {@code RestTemplate} on the JDK's {@code HttpClient}, which follows no redirect, and the interceptor. */
  static final class RestTemplates implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      RestTemplate restTemplate = new RestTemplate(new JdkClientHttpRequestFactory());
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

  /** {@code RestClient} on the JDK's {@code HttpClient}, which follows no redirect, and the interceptor. */
  static final class RestClients implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
          .requestInterceptor(interceptor(hosts)).build();
      return (url, ownHeader) -> assertEquals("ok", client.get().uri(URI.create(url))
          .headers(headers -> {
            if (ownHeader != null) {
              headers.set("X-OpenReplay-SessionToken", ownHeader);
            }
          }).retrieve().body(String.class));
    }
  }
}
