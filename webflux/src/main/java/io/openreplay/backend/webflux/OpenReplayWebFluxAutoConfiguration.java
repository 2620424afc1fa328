package io.openreplay.backend.webflux;

import io.micrometer.context.ContextRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import reactor.core.publisher.Hooks;

/**
 * Spring Boot's auto-configuration for reactive web applications: decorates the application's {@code HttpHandler}
 * with {@link OpenReplayHttpHandler} and switches on Reactor's automatic context propagation
 * ({@code Hooks.enableAutomaticContextPropagation()}, which Spring Boot's own
 * {@code spring.reactor.context-propagation=auto} switches on too), through which
 * {@link OpenReplayThreadLocalAccessor} makes the request's token current on every thread its operators run on.
 *
 * <p>Properties: {@value #ENABLED} ({@code false} leaves the application alone), {@value #PROPAGATION}
 * ({@code false} leaves the switching on of automatic context propagation to the application), {@value #HEADERS}
 * (the header names, comma-separated, in order of preference; default
 * {@code X-OpenReplay-SessionToken, X-OpenReplay-Session-Token, openReplaySession.id}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({HttpHandlerDecoratorFactory.class, Hooks.class, ContextRegistry.class})
@ConditionalOnProperty(name = OpenReplayWebFluxAutoConfiguration.ENABLED, matchIfMissing = true)
public class OpenReplayWebFluxAutoConfiguration {

  /** {@code false} switches the auto-configuration off. */
  public static final String ENABLED = "openreplay.webflux.enabled";
  /** {@code false} leaves Reactor's automatic context propagation as the application sets it. */
  public static final String PROPAGATION = "openreplay.webflux.automatic-context-propagation";
  /** The request headers that carry the token, comma-separated, in order of preference. */
  public static final String HEADERS = "openreplay.headers";

  /**
   * Switches on Reactor's automatic context propagation unless {@value #PROPAGATION} is {@code false}.
   *
   * @param environment the application's environment
   */
  public OpenReplayWebFluxAutoConfiguration(Environment environment) {
    if (environment.getProperty(PROPAGATION, Boolean.class, Boolean.TRUE)) {
      Hooks.enableAutomaticContextPropagation();
    }
  }

  /**
   * The decorator that Spring Boot applies to the application's {@code HttpHandler}.
   *
   * @param environment the application's environment, for {@value #HEADERS}
   * @return the decorator
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenReplayHttpHandler.Decorator openReplayHttpHandlerDecorator(Environment environment) {
    return new OpenReplayHttpHandler.Decorator(TokenHeaders.of(environment.getProperty(HEADERS)));
  }
}
