package io.openreplay.backend.webflux;

import io.openreplay.backend.OutboundHosts;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot 3's auto-configuration for {@code WebClient}: adds {@link OpenReplayExchangeFilterFunction} to every
 * {@code WebClient} built from Spring Boot's {@code WebClient.Builder} (a {@code WebClientCustomizer}), in reactive
 * and servlet applications alike.
 *
 * <p>Spring Boot 3.5's connector follows redirects unless {@code spring.http.reactiveclient.redirects=dont-follow}:
 * Reactor Netty's client then judges each hop with {@link OpenReplayRedirectHops} (a
 * {@code ClientHttpConnectorBuilderCustomizer}); the JDK's, Jetty's and Apache HttpClient's connectors, whose hops the
 * filter cannot judge, get no filter, so their calls carry no token.
 *
 * <p>The allow-list is the Spring property {@value #HOSTS} (so also the system property of that name and the
 * environment variable {@code OPENREPLAY_PROPAGATION_HOSTS}); without it, {@link OutboundHosts#configured()}. Empty
 * by default: the token then goes nowhere. {@value #ENABLED}{@code =false} switches it off.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.springframework.web.reactive.function.client.WebClient",
    "org.springframework.boot.web.reactive.function.client.WebClientCustomizer"})
@ConditionalOnProperty(name = OpenReplayWebClientAutoConfiguration.ENABLED, matchIfMissing = true)
public class OpenReplayWebClientAutoConfiguration {

  /** The allow-list, comma-separated (see {@link OutboundHosts}). */
  public static final String HOSTS = OutboundHosts.PROPERTY;
  /** {@code false} switches the auto-configuration off. */
  public static final String ENABLED = "openreplay.propagation.enabled";

  /** Made by Spring. */
  public OpenReplayWebClientAutoConfiguration() {
  }

  /** Spring Boot's connector settings, 3.5 and later. */
  private static final String SETTINGS = "org.springframework.boot.http.client.reactive.ClientHttpConnectorSettings";

  /**
   * @param environment the application's environment, for {@value #HOSTS}
   * @param beanFactory the application's beans, for Spring Boot's connector
   * @return the customizer that adds the filter to every {@code WebClient} Spring Boot's builder makes, where each
   *     hop of its connector's calls is judged; one that adds nothing elsewhere
   */
  @Bean
  public WebClientCustomizer openReplayWebClientCustomizer(Environment environment, BeanFactory beanFactory) {
    if (ClassUtils.isPresent(SETTINGS, getClass().getClassLoader())
        && !BootConnectorRedirects.everyHopJudged(beanFactory)) {
      return builder -> { };
    }
    String hosts = environment.getProperty(HOSTS);
    OpenReplayExchangeFilterFunction filter = new OpenReplayExchangeFilterFunction(
        hosts == null ? OutboundHosts.configured() : OutboundHosts.of(hosts));
    return builder -> builder.filter(filter);
  }

  /** Spring Boot's Reactor Netty connector: its client judges each hop with {@link OpenReplayRedirectHops}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"reactor.netty.http.client.HttpClient",
      "org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder",
      "org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorBuilderCustomizer"})
  public static class ReactorNettyHops {

    /** Made by Spring. */
    public ReactorNettyHops() {
    }

    /**
     * @return the customizer that has every Reactor Netty client Spring Boot's connector builder makes judge each hop
     */
    @Bean
    public ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> openReplayReactorNettyCustomizer() {
      return builder -> builder.withHttpClientCustomizer(OpenReplayRedirectHops::judgedIn);
    }
  }
}
