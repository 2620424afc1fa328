package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.httpclient5.OpenReplayRequestInterceptor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot 3's auto-configuration: adds {@link OpenReplayClientHttpRequestInterceptor} to every
 * {@code RestTemplate} built from Spring Boot's {@code RestTemplateBuilder} and every {@code RestClient} built from its
 * {@code RestClient.Builder} (a {@code RestTemplateCustomizer} and a {@code RestClientCustomizer}).
 *
 * <p>The interceptor adds the header where Spring Boot's request factories follow no redirects
 * ({@code spring.http.client.redirects=dont-follow}, read from Spring Boot 3.4's settings); where they follow them
 * (Spring Boot's default), it adds none, since their clients would copy it to wherever a redirect points, except that
 * Spring Boot's Apache HttpClient 5 gets openreplay-apache-httpclient5's {@link OpenReplayRequestInterceptor}, which
 * judges each hop, redirects included (a {@code ClientHttpRequestFactoryBuilderCustomizer}), and Spring Boot's
 * java.net.http client follows no redirects itself, OpenReplay following those it would have followed and judging each
 * hop ({@link JdkRedirectHopsFactoryBuilder}; only when the allow-list holds a host).
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

  /** Spring Boot's request factory settings, 3.4 and later. */
  private static final String SETTINGS = "org.springframework.boot.http.client.ClientHttpRequestFactorySettings";

  /**
   * The interceptor the customizers add; an application's own bean of this type takes its place.
   *
   * @param environment the application's environment, for {@value #HOSTS}
   * @param beanFactory the application's beans, for Spring Boot's request factory settings
   * @return the interceptor with the application's allow-list, adding the header where Spring Boot's request
   *     factories follow no redirects
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenReplayClientHttpRequestInterceptor openReplayClientHttpRequestInterceptor(Environment environment,
      BeanFactory beanFactory) {
    RedirectsFollowed redirectsFollowed = ClassUtils.isPresent(SETTINGS, getClass().getClassLoader())
        ? BootRedirectSetting.of(beanFactory) : RedirectsFollowed.ALL;
    return new OpenReplayClientHttpRequestInterceptor(hostsOf(environment), redirectsFollowed);
  }

  private static OutboundHosts hostsOf(Environment environment) {
    String hosts = environment.getProperty(HOSTS);
    return hosts == null ? OutboundHosts.configured() : OutboundHosts.of(hosts);
  }

  /**
   * Spring Boot's Apache HttpClient 5, when it makes the request factories: its client judges each hop with
   * openreplay-apache-httpclient5's interceptor.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
      "org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder",
      "org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer"})
  public static class HttpComponentsHops {

    /** Made by Spring. */
    public HttpComponentsHops() {
    }

    /**
     * @param environment the application's environment, for {@value #HOSTS}
     * @return the customizer that adds the interceptor to every client Spring Boot's builder makes
     */
    @Bean
    public ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder>
        openReplayHttpComponentsCustomizer(Environment environment) {
      OpenReplayRequestInterceptor interceptor = new OpenReplayRequestInterceptor(hostsOf(environment));
      return builder -> builder.withHttpClientCustomizer(client -> client.addRequestInterceptorLast(interceptor));
    }
  }

  /**
   * Spring Boot's java.net.http client, when it makes the request factories and the allow-list holds a host: its
   * {@code HttpClient} follows no redirects, and those it would have followed are followed by OpenReplay, judging each
   * hop ({@link JdkRedirectHopsFactoryBuilder}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder")
  public static class JdkHops {

    /** Made by Spring. */
    public JdkHops() {
    }

    /**
     * @param environment the application's environment, for {@value #HOSTS}
     * @return the post-processor that puts the builder in the place of Spring Boot's; it changes nothing with an empty
     *     list
     */
    @Bean
    public static BeanPostProcessor openReplayJdkRedirectHops(Environment environment) {
      return new JdkRedirectHopsPostProcessor(hostsOf(environment));
    }
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
