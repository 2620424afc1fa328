package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Spring Boot's builder of {@code JdkClientHttpRequestFactory}s (3.4 and later), made to let OpenReplay judge each
 * redirect hop: every factory it builds is Spring Boot's own, with the application's settings and customizers, but its
 * {@code HttpClient} follows no redirects, and those the application's client would have followed
 * ({@code spring.http.client.redirects}, or the policy of an {@code HttpClient.Builder} customizer of its own) are
 * followed by {@link JdkRedirectHopsRequestFactory} in front of it. Where the application's client follows none, the
 * factory is Spring Boot's as it is.
 *
 * <p>The policy the application chose is read from a client its builder makes once, with the application's
 * settings and customizers, per {@code redirects} setting; that client is then dropped.
 */
final class JdkRedirectHopsFactoryBuilder implements ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> {

  private final JdkClientHttpRequestFactoryBuilder jdk;
  private final OutboundHosts hosts;
  private final Map<String, HttpClient.Redirect> chosenPolicies = new ConcurrentHashMap<>();

  /**
   * @param jdk Spring Boot's builder, with the application's customizers
   * @param hosts the hosts the token may go to
   */
  JdkRedirectHopsFactoryBuilder(JdkClientHttpRequestFactoryBuilder jdk, OutboundHosts hosts) {
    this.jdk = Objects.requireNonNull(jdk, "jdk");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public ClientHttpRequestFactory build(ClientHttpRequestFactorySettings settings) {
    String redirects = String.valueOf(settings == null ? null : settings.redirects());
    AtomicReference<HttpClient.Redirect> chosen = new AtomicReference<>(chosenPolicies.get(redirects));
    JdkClientHttpRequestFactory hops = jdk.withHttpClientCustomizer(builder -> {
      if (chosen.get() == null) {
        chosen.set(builder.build().followRedirects());
      }
      builder.followRedirects(HttpClient.Redirect.NEVER);
    }).build(settings);
    chosenPolicies.putIfAbsent(redirects, chosen.get());
    return chosen.get() == HttpClient.Redirect.NEVER ? hops : new JdkRedirectHopsRequestFactory(hops, chosen.get(), hosts);
  }
}
