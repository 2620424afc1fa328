package io.openreplay.backend.bench.jmh;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A servlet behind its filters, called the way a container calls them for one request: a new chain per request that
 * hands the request from filter to filter and then to the servlet.
 */
final class ServletPipeline {

  private final Filter[] filters;
  private final Servlet servlet;

  /**
   * @param filters the filters, in order; none for the bare servlet
   * @param servlet the servlet at the end of the chain
   */
  ServletPipeline(List<Filter> filters, Servlet servlet) {
    this.filters = filters.toArray(new Filter[0]);
    this.servlet = servlet;
  }

  /**
   * @param request the request
   * @param response the response
   * @throws IOException as thrown by a filter or the servlet
   * @throws ServletException as thrown by a filter or the servlet
   */
  void serve(ServletRequest request, ServletResponse response) throws IOException, ServletException {
    new Chain().doFilter(request, response);
  }

  /** One request's way through the filters. */
  private final class Chain implements FilterChain {

    private int next;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
      if (next < filters.length) {
        filters[next++].doFilter(request, response, this);
      } else {
        servlet.service(request, response);
      }
    }
  }
}
