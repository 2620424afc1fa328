package io.openreplay.backend.filter;

import io.openreplay.backend.filter.core.Parameters;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link OpenReplayFilter} (as {@value Parameters#REGISTRATION_NAME}, first, on {@code /*}, every
 * dispatcher type, asynchronous) and {@link OpenReplayRequestListener} in every {@code jakarta.servlet} web
 * application that has this jar in {@code WEB-INF/lib}; found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>Switched off by the context-param {@value Parameters#AUTO_REGISTRATION} {@code = false}, or by leaving the
 * web-fragment {@value Parameters#REGISTRATION_NAME} out of an {@code <absolute-ordering>}. It adds no filter when
 * the application already declares {@link OpenReplayFilter} itself.
 */
public final class OpenReplayInitializer implements ServletContainerInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(OpenReplayInitializer.class);

  /** Called by the container. */
  public OpenReplayInitializer() {
  }

  /**
   * Registers the filter and the listener unless switched off.
   *
   * @param classes unused
   * @param context the web application starting
   */
  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    if (!Parameters.autoRegistrationEnabled(context.getInitParameter(Parameters.AUTO_REGISTRATION))) {
      LOG.debug("OpenReplay: auto-registration switched off by {}", Parameters.AUTO_REGISTRATION);
      return;
    }
    try {
      if (!declaresFilter(context)) {
        FilterRegistration.Dynamic filter = context.addFilter(Parameters.REGISTRATION_NAME, OpenReplayFilter.class);
        if (filter != null) {
          filter.setAsyncSupported(true);
          filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        }
      }
      context.addListener(OpenReplayRequestListener.class);
      LOG.info("OpenReplay: filter and request listener registered (switch off with the context-param {}=false)",
          Parameters.AUTO_REGISTRATION);
    } catch (RuntimeException e) {
      LOG.warn("OpenReplay: auto-registration failed, the session token will not be attached: {}", e.toString());
    }
  }

  private static boolean declaresFilter(ServletContext context) {
    for (FilterRegistration registration : context.getFilterRegistrations().values()) {
      if (OpenReplayFilter.class.getName().equals(registration.getClassName())) {
        return true;
      }
    }
    return false;
  }
}
