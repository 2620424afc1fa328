package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A request factory that follows redirects as a java.net.http {@code HttpClient} with a given policy does, on a
 * factory whose client follows none (a {@code JdkClientHttpRequestFactory} on an {@code HttpClient} with
 * {@code Redirect.NEVER}), so that the token header is judged for each hop on its own
 * ({@link JdkRedirectHopsRequest}).
 */
final class JdkRedirectHopsRequestFactory implements ClientHttpRequestFactory {

  private final ClientHttpRequestFactory hops;
  private final HttpClient.Redirect policy;
  private final OutboundHosts hosts;

  /**
   * @param hops the factory that sends each hop, whose client follows no redirects
   * @param policy the redirect policy the application chose for that client
   * @param hosts the hosts the token may go to
   */
  JdkRedirectHopsRequestFactory(ClientHttpRequestFactory hops, HttpClient.Redirect policy, OutboundHosts hosts) {
    this.hops = Objects.requireNonNull(hops, "hops");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  /**
   * @return the redirect policy it follows in the client's place
   */
  HttpClient.Redirect policy() {
    return policy;
  }

  @Override
  public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
    return new JdkRedirectHopsRequest(hops, policy, hosts, uri, httpMethod);
  }
}
