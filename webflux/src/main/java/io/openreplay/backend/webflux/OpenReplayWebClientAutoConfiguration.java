package io.openreplay.backend.webflux;

import io.openreplay.backend.OutboundHosts;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot 3's auto-configuration for {@code WebClient}: adds {@link OpenReplayExchangeFilterFunction} to every
 * {@code WebClient} built from Spring Boot's {@code WebClient.Builder} (a {@code WebClientCustomizer}), in reactive
 * and servlet applications alike.
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

  /**
   * @param environment the application's environment, for {@value #HOSTS}
   * @return the customizer that adds the filter to every {@code WebClient} Spring Boot's builder makes
   */
  @Bean
  public WebClientCustomizer openReplayWebClientCustomizer(Environment environment) {
    String hosts = environment.getProperty(HOSTS);
    OpenReplayExchangeFilterFunction filter = new OpenReplayExchangeFilterFunction(
        hosts == null ? OutboundHosts.configured() : OutboundHosts.of(hosts));
    return builder -> builder.filter(filter);
  }
}
