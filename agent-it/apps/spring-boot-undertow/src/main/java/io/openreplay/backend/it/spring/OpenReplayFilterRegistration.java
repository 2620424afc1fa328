package io.openreplay.backend.it.spring;

import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.filter.OpenReplayRequestListener;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The app as a user of the OpenReplay library has it (switched on by {@code -Dit.openreplayFilter=true}): the two
 * beans of README.md's "Registering them" (Spring Boot).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "it.openreplayFilter", havingValue = "true")
public class OpenReplayFilterRegistration {

  /**
   * @return the filter's registration
   */
  @Bean
  public FilterRegistrationBean<OpenReplayFilter> openReplayFilter() {
    FilterRegistrationBean<OpenReplayFilter> bean = new FilterRegistrationBean<>(new OpenReplayFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    bean.setAsyncSupported(true);
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return bean;
  }

  /**
   * @return the request listener's registration
   */
  @Bean
  public ServletListenerRegistrationBean<OpenReplayRequestListener> openReplayRequestListener() {
    return new ServletListenerRegistrationBean<>(new OpenReplayRequestListener());
  }
}
