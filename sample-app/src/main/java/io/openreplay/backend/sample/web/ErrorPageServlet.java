package io.openreplay.backend.sample.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error page of uncaught exceptions, as most applications have one: logs the exception at ERROR, with the
 * request's method and path, and answers 500 without the stack trace.
 */
final class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageServlet.class);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (error instanceof Throwable) {
      LOG.error("unhandled exception on {} {}", request.getMethod(), uri, (Throwable) error);
    } else {
      LOG.error("request to {} {} failed with status {}", request.getMethod(), uri,
          request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    }
    Responses.text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error");
  }
}
