package io.openreplay.backend.springweb;

import io.openreplay.backend.OutboundHosts;
import java.lang.reflect.Method;
import java.util.Objects;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;

/**
 * Puts {@link JdkRedirectHopsFactoryBuilder} in the place of Spring Boot's {@code ClientHttpRequestFactoryBuilder}
 * bean when that is the java.net.http one ({@code JdkClientHttpRequestFactoryBuilder}, Spring Boot's choice without
 * Apache HttpClient 5, Jetty or Reactor Netty, or {@code spring.http.client.factory=jdk}), after the application's
 * {@code ClientHttpRequestFactoryBuilderCustomizer}s, and only when the allow-list holds a host: with an empty list
 * nothing is changed. A bean declared with a type narrower than {@code ClientHttpRequestFactoryBuilder} is left as it
 * is, since whatever it is injected into expects that type.
 */
final class JdkRedirectHopsPostProcessor implements BeanPostProcessor, BeanFactoryAware {

  private final OutboundHosts hosts;
  private ConfigurableListableBeanFactory beanFactory;

  /**
   * @param hosts the hosts the token may go to
   */
  JdkRedirectHopsPostProcessor(OutboundHosts hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory instanceof ConfigurableListableBeanFactory listable ? listable : null;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (!hosts.isEmpty() && bean instanceof JdkClientHttpRequestFactoryBuilder jdk && declaredAsAnyBuilder(beanName)) {
      return new JdkRedirectHopsFactoryBuilder(jdk, hosts);
    }
    return bean;
  }

  /** Whether the bean is declared by a factory method as a {@code ClientHttpRequestFactoryBuilder}, as Spring Boot's. */
  private boolean declaredAsAnyBuilder(String beanName) {
    if (beanFactory == null || !beanFactory.containsBeanDefinition(beanName)) {
      return false;
    }
    BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
    Method factoryMethod = definition instanceof RootBeanDefinition root ? root.getResolvedFactoryMethod() : null;
    return factoryMethod != null && factoryMethod.getReturnType() == ClientHttpRequestFactoryBuilder.class;
  }
}
