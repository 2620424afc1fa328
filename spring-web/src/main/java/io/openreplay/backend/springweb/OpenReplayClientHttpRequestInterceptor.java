package io.openreplay.backend.springweb;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import java.io.IOException;
import java.util.Objects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link ClientHttpRequestInterceptor} for {@code RestTemplate} and {@code RestClient} that adds
 * {@value OutboundHeader#NAME} with the token of the request being served ({@link OpenReplayContext#current()} on
 * the calling thread) to calls to the hosts of the allow-list:
 * {@code restTemplate.getInterceptors().add(new OpenReplayClientHttpRequestInterceptor())}, or
 * {@code RestClient.builder().requestInterceptor(new OpenReplayClientHttpRequestInterceptor())}.
 *
 * <p>Nothing is added when no token is current, when the host is not on the list, or when the request already has
 * the header (it is sent as the application set it).
 *
 * <p>The interceptor runs once per call, before the request factory's client sends it; a client that follows
 * redirects itself (HttpURLConnection, {@code RestTemplate}'s default, for {@code GET}; Apache HttpClient and Jetty by
 * default) copies the header to wherever a redirect points. Where a listed host may redirect outside the list, use a
 * request factory that does not follow redirects (Spring Boot: {@code spring.http.client.redirects=dont-follow}).
 */
public final class OpenReplayClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  private final OutboundHosts hosts;

  /**
   * With the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set).
   */
  public OpenReplayClientHttpRequestInterceptor() {
    this(OutboundHosts.configured());
  }

  /**
   * With an allow-list of the application's.
   *
   * @param hosts the hosts the token may go to
   */
  public OpenReplayClientHttpRequestInterceptor(OutboundHosts hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    if (request.getHeaders().getFirst(OutboundHeader.NAME) == null) {
      String value = OutboundHeader.valueFor(hosts, OpenReplayContext.current().orElse(null), request.getURI());
      if (value != null) {
        request.getHeaders().set(OutboundHeader.NAME, value);
      }
    }
    return execution.execute(request, body);
  }
}
