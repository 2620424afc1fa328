package io.openreplay.backend.bench.soakapp;

import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.filter.OpenReplayRequestListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

/** The library wiring's registration of the filter and the request listener, as the README's programmatic one. */
final class OpenReplayRegistration {

  private OpenReplayRegistration() {
  }

  static void register(ServletContext servletContext) {
    FilterRegistration.Dynamic filter = servletContext.addFilter("openreplay", OpenReplayFilter.class);
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
        false, "/*");
    servletContext.addListener(OpenReplayRequestListener.class);
  }
}
