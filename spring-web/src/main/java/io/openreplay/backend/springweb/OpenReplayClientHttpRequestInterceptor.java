package io.openreplay.backend.springweb;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import java.io.IOException;
import java.util.Objects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link ClientHttpRequestInterceptor} for {@code RestTemplate} and {@code RestClient} that adds
 * {@value OutboundHeader#NAME} with the token of the request being served ({@link OpenReplayContext#current()} on
 * the calling thread) to calls to the hosts of the allow-list, when the request factory under it sends the call to
 * that host only:
 * {@code restTemplate.getInterceptors().add(new OpenReplayClientHttpRequestInterceptor(requestFactory))}, or
 * {@code RestClient.builder().requestFactory(requestFactory)
 * .requestInterceptor(new OpenReplayClientHttpRequestInterceptor(requestFactory))}.
 *
 * <p>Nothing is added when no token is current, when the host is not on the list, when the request already has the
 * header (it is sent as the application set it), or when the factory's client may follow the call's redirects
 * ({@link RedirectsFollowed}): the interceptor runs once per call, before that client sends it, and such a client
 * copies the header to wherever a redirect points, which the list may not hold.
 */
public final class OpenReplayClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  private final OutboundHosts hosts;
  private final RedirectsFollowed redirectsFollowed;

  /**
   * With the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set), in
   * front of a request factory.
   *
   * @param requestFactory the factory of the {@code RestTemplate} or {@code RestClient}, which tells which calls may
   *     carry the header ({@link RedirectsFollowed#by})
   */
  public OpenReplayClientHttpRequestInterceptor(ClientHttpRequestFactory requestFactory) {
    this(OutboundHosts.configured(), RedirectsFollowed.by(requestFactory));
  }

  /**
   * With an allow-list of the application's, in front of a client that follows the given redirects.
   *
   * @param hosts the hosts the token may go to
   * @param redirectsFollowed the redirects the request factory's client follows
   */
  public OpenReplayClientHttpRequestInterceptor(OutboundHosts hosts, RedirectsFollowed redirectsFollowed) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.redirectsFollowed = Objects.requireNonNull(redirectsFollowed, "redirectsFollowed");
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    if (request.getHeaders().getFirst(OutboundHeader.NAME) == null
        && redirectsFollowed.keepsToItsHost(request.getMethod())) {
      String value = OutboundHeader.valueFor(hosts, OpenReplayContext.current().orElse(null), request.getURI());
      if (value != null) {
        request.getHeaders().set(OutboundHeader.NAME, value);
      }
    }
    return execution.execute(request, body);
  }
}
