package io.openreplay.backend.springweb;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;

/**
 * The redirects the clients of Spring Boot's own request factories follow (3.4 and later), as its
 * {@code spring.http.client.redirects} sets them for {@code RestTemplateBuilder} and {@code RestClient.Builder}. Loaded
 * only where Spring Boot has {@link ClientHttpRequestFactorySettings}.
 */
final class BootRedirectSetting {

  private BootRedirectSetting() {
  }

  /**
   * @param beanFactory the application's beans
   * @return {@link RedirectsFollowed#NONE} when the settings say {@code dont-follow}, else {@link RedirectsFollowed#ALL}
   *     (Spring Boot's default follows them, and so does a client without Spring Boot's settings)
   */
  static RedirectsFollowed of(BeanFactory beanFactory) {
    ClientHttpRequestFactorySettings settings =
        beanFactory.getBeanProvider(ClientHttpRequestFactorySettings.class).getIfAvailable();
    return settings != null && settings.redirects() == Redirects.DONT_FOLLOW
        ? RedirectsFollowed.NONE : RedirectsFollowed.ALL;
  }
}
