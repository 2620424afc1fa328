package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spring Boot 3's auto-configuration: adds {@link OpenReplayClientHttpRequestInterceptor} to every
 * {@code RestTemplate} built from Spring Boot's {@code RestTemplateBuilder} and every {@code RestClient} built from its
 * {@code RestClient.Builder} (a {@code RestTemplateCustomizer} and a {@code RestClientCustomizer}).
 *
 * <p>The allow-list is the Spring property {@value #HOSTS} (so also the system property of that name and the
 * environment variable {@code OPENREPLAY_PROPAGATION_HOSTS}); without it, {@link OutboundHosts#configured()}. Empty
 * by default: the token then goes nowhere. {@value #ENABLED}{@code =false} switches the auto-configuration off.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
@ConditionalOnProperty(name = OpenReplayRestClientsAutoConfiguration.ENABLED, matchIfMissing = true)
public class OpenReplayRestClientsAutoConfiguration {

  /** The allow-list, comma-separated (see {@link OutboundHosts}). */
  public static final String HOSTS = OutboundHosts.PROPERTY;
  /** {@code false} switches the auto-configuration off. */
  public static final String ENABLED = "openreplay.propagation.enabled";

  /** Made by Spring. */
  public OpenReplayRestClientsAutoConfiguration() {
  }

  /**
   * The interceptor the customizers add; an application's own bean of this type takes its place.
   *
   * @param environment the application's environment, for {@value #HOSTS}
   * @return the interceptor with the application's allow-list
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenReplayClientHttpRequestInterceptor openReplayClientHttpRequestInterceptor(Environment environment) {
    String hosts = environment.getProperty(HOSTS);
    return new OpenReplayClientHttpRequestInterceptor(
        hosts == null ? OutboundHosts.configured() : OutboundHosts.of(hosts));
  }

  /** The {@code RestTemplateCustomizer}, when Spring Boot's {@code RestTemplateBuilder} is there. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.web.client.RestTemplate",
      "org.springframework.boot.web.client.RestTemplateCustomizer"})
  public static class RestTemplates {

    /** Made by Spring. */
    public RestTemplates() {
    }

    /**
     * @param interceptor the interceptor
     * @return the customizer that adds it to every {@code RestTemplate} Spring Boot's builder makes
     */
    @Bean
    public RestTemplateCustomizer openReplayRestTemplateCustomizer(OpenReplayClientHttpRequestInterceptor interceptor) {
      return restTemplate -> {
        if (!restTemplate.getInterceptors().contains(interceptor)) {
          restTemplate.getInterceptors().add(interceptor);
        }
      };
    }
  }

  /** The {@code RestClientCustomizer}, when Spring Boot's {@code RestClient.Builder} is there. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.web.client.RestClient",
      "org.springframework.boot.web.client.RestClientCustomizer"})
  public static class RestClients {

    /** Made by Spring. */
    public RestClients() {
    }

    /**
     * @param interceptor the interceptor
     * @return the customizer that adds it to every {@code RestClient} Spring Boot's builder makes
     */
    @Bean
    public RestClientCustomizer openReplayRestClientCustomizer(OpenReplayClientHttpRequestInterceptor interceptor) {
      return builder -> builder.requestInterceptors(interceptors -> {
        if (!interceptors.contains(interceptor)) {
          interceptors.add(interceptor);
        }
      });
    }
  }
}
