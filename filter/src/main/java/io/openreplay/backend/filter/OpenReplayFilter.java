package io.openreplay.backend.filter;

import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.filter.core.FilterBinding;
import io.openreplay.backend.filter.core.FilterEntry;
import io.openreplay.backend.filter.core.Parameters;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Puts the request's OpenReplay token on the thread that serves the request (and into the SLF4J MDC), for the
 * containers of the {@code jakarta.servlet} API (the package description lists them).
 *
 * <p>Map it first, to {@code /*}, with {@code asyncSupported} and the dispatcher types {@code REQUEST},
 * {@code ASYNC} and {@code ERROR} (the auto-registration does so). It attaches the token once per request however
 * often it is entered (mapped twice, forward, include, or after {@link OpenReplayRequestListener}), removes it on
 * every exit path, and hands it to the threads that continue an asynchronous request: tasks given to
 * {@code AsyncContext.start}, {@code AsyncListener}s added through the request, and asynchronous and error
 * dispatches.
 *
 * <p>Under the OpenReplay agent ({@code -javaagent:openreplay-agent.jar}) a request comes in with its token already
 * current, attached by the agent: the filter passes such a request through and attaches nothing.
 *
 * <p>Configuration: the init-parameter (or context-param) {@value Parameters#HEADERS}.
 */
public class OpenReplayFilter implements Filter {

  private volatile FilterBinding<ServletRequest> binding =
      new FilterBinding<>(TokenHeaders.DEFAULT, ServletRequests.INSTANCE);

  /** A filter reading the default headers until {@link #init(FilterConfig)} configures it. */
  public OpenReplayFilter() {
  }

  /**
   * Reads the header names from the init-parameter {@value Parameters#HEADERS}, else from the context-param of the
   * same name.
   *
   * @param config the filter's configuration
   */
  @Override
  public void init(FilterConfig config) {
    String contextValue = config.getServletContext() == null ? null
        : config.getServletContext().getInitParameter(Parameters.HEADERS);
    binding = new FilterBinding<>(
        TokenHeaders.configured(config.getInitParameter(Parameters.HEADERS), contextValue), ServletRequests.INSTANCE);
  }

  /**
   * Runs the rest of the chain with the request's token attached.
   *
   * @param request the request
   * @param response the response
   * @param chain the rest of the chain
   * @throws IOException as thrown by the chain
   * @throws ServletException as thrown by the chain
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    FilterBinding<ServletRequest> current = binding;
    FilterEntry entry = current.enter(request);
    try {
      chain.doFilter(handingOver(request, entry), response);
    } finally {
      current.exit(request, entry);
    }
  }

  private static ServletRequest handingOver(ServletRequest request, FilterEntry entry) {
    if (entry.token() == null || !(request instanceof HttpServletRequest) || !request.isAsyncSupported()) {
      return request;
    }
    if (request instanceof ServletRequestWrapper
        && ((ServletRequestWrapper) request).isWrapperFor(AsyncHandOverRequest.class)) {
      return request;
    }
    return new AsyncHandOverRequest((HttpServletRequest) request, entry.token());
  }

  @Override
  public void destroy() {
    // Nothing to release.
  }
}
