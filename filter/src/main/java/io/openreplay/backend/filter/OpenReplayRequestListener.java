package io.openreplay.backend.filter;

import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.filter.core.ListenerBinding;
import io.openreplay.backend.filter.core.Parameters;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Puts the request's OpenReplay token on the thread that serves the request for the whole time the container
 * works on it, for the containers of the {@code jakarta.servlet} API: also while the container itself logs an
 * error after the filter chain has unwound (Tomcat's {@code StandardWrapperValve} logs an uncaught servlet exception
 * there; Undertow's {@code ServletInitialHandler} logs its {@code UT005023} line there, before it calls
 * {@code requestDestroyed}).
 *
 * <p>Together with {@link OpenReplayFilter} it never attaches twice. Alone it covers synchronous requests; for
 * asynchronous ones add the filter, which hands the token to the threads that continue the request and removes the
 * listener's token from the container thread the request leaves.
 *
 * <p>Under the OpenReplay agent ({@code -javaagent:openreplay-agent.jar}) a request comes in with its token already
 * current, attached by the agent: the listener passes such a request through and attaches nothing.
 *
 * <p>Configuration: the context-param {@value Parameters#HEADERS}.
 */
public class OpenReplayRequestListener implements ServletRequestListener {

  private volatile ListenerBinding<ServletRequest> binding;

  /** A listener that reads its configuration from the context-params of the first request's context. */
  public OpenReplayRequestListener() {
  }

  private ListenerBinding<ServletRequest> binding(ServletContext context) {
    ListenerBinding<ServletRequest> current = binding;
    if (current == null) {
      String value = context == null ? null : context.getInitParameter(Parameters.HEADERS);
      current = new ListenerBinding<>(TokenHeaders.configured(value), ServletRequests.INSTANCE);
      binding = current;
    }
    return current;
  }

  /**
   * Attaches the request's token to this thread.
   *
   * @param event the request's start
   */
  @Override
  public void requestInitialized(ServletRequestEvent event) {
    try {
      binding(event.getServletContext()).requestInitialized(event.getServletRequest());
    } catch (RuntimeException e) {
      // Never break the request; ListenerBinding already contains its own failures.
    }
  }

  /**
   * Restores what this thread had before {@link #requestInitialized(ServletRequestEvent)}.
   *
   * @param event the request's end
   */
  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    try {
      binding(event.getServletContext()).requestDestroyed(event.getServletRequest());
    } catch (RuntimeException e) {
      // Never break the request.
    }
  }
}
