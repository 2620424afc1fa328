package io.openreplay.backend.webflux;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorSettings;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Whether every hop of the calls of Spring Boot's own {@code WebClient} connector (3.5 and later) goes to a host that
 * was judged: the connector follows no redirects ({@code spring.http.reactiveclient.redirects=dont-follow}), or it is
 * Reactor Netty's, whose client {@link OpenReplayWebClientAutoConfiguration} has judge each hop with
 * {@link OpenReplayRedirectHops}. Loaded only where Spring Boot has {@link ClientHttpConnectorSettings}.
 */
final class BootConnectorRedirects {

  private BootConnectorRedirects() {
  }

  /**
   * @param beanFactory the application's beans
   * @return {@code false} when Spring Boot's connector is another client's (the JDK's, Jetty's, Apache HttpClient's)
   *     that follows redirects, whose hops the filter cannot judge
   */
  static boolean everyHopJudged(BeanFactory beanFactory) {
    ClientHttpConnectorSettings settings =
        beanFactory.getBeanProvider(ClientHttpConnectorSettings.class).getIfAvailable();
    if (settings != null && settings.redirects() == HttpRedirects.DONT_FOLLOW) {
      return true;
    }
    ClientHttpConnectorBuilder<?> builder = beanFactory.getBeanProvider(ClientHttpConnectorBuilder.class)
        .getIfAvailable();
    return builder == null ? settings == null : builder instanceof ReactorClientHttpConnectorBuilder;
  }
}
