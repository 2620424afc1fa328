package io.openreplay.backend.bench.jmh;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The cheapest servlet that still answers: it reads the request's path and sets the response's status. */
final class OrderPageServlet extends GenericServlet {

  private static final long serialVersionUID = 1L;

  @Override
  public void service(ServletRequest request, ServletResponse response) {
    String path = ((HttpServletRequest) request).getRequestURI();
    ((HttpServletResponse) response).setStatus(path.startsWith("/orders/") ? 200 : 404);
  }
}
