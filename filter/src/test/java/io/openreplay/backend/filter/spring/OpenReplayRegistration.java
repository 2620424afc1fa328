package io.openreplay.backend.filter.spring;

import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.filter.OpenReplayRequestListener;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The two beans exactly as README.md ("Registering them", Spring Boot) shows them. */
@Configuration(proxyBeanMethods = false)
class OpenReplayRegistration {

  @Bean
  FilterRegistrationBean<OpenReplayFilter> openReplayFilter() {
    FilterRegistrationBean<OpenReplayFilter> bean = new FilterRegistrationBean<>(new OpenReplayFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    bean.setAsyncSupported(true);
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    // bean.addInitParameter("openreplay.headers", "X-OpenReplay-SessionToken");
    return bean;
  }

  @Bean
  ServletListenerRegistrationBean<OpenReplayRequestListener> openReplayRequestListener() {
    return new ServletListenerRegistrationBean<>(new OpenReplayRequestListener());
  }
}
