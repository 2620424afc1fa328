package io.openreplay.backend.it.outlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code GET /checkout/direct} or {@code /checkout/async}, with {@code ?id=ID} and optionally
 * {@code &exception=true}: logs {@code payment failed for order {}} with the argument 42 at ERROR, with an
 * exception when asked, on the logger {@code checkout.direct} (appenders called on the request thread) or
 * {@code checkout.async} (the same appenders behind logback's AsyncAppender). The request's id is in the MDC as
 * {@code requestId} while it logs, as many applications keep one.
 */
public final class CheckoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger DIRECT = LoggerFactory.getLogger("checkout.direct");
  private static final Logger ASYNC = LoggerFactory.getLogger("checkout.async");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Logger log = loggerFor(request.getPathInfo());
    if (log == null) {
      response.sendError(404);
      return;
    }
    String id = request.getParameter("id");
    MDC.put("requestId", id == null ? "none" : id);
    try {
      if (Boolean.parseBoolean(request.getParameter("exception"))) {
        log.error("payment failed for order {}", 42, new IllegalStateException("card declined"));
      } else {
        log.error("payment failed for order {}", 42);
      }
    } finally {
      MDC.remove("requestId");
    }
    response.setContentType("text/plain");
    response.getWriter().write("logged " + id);
  }

  private static Logger loggerFor(String path) {
    if ("/direct".equals(path)) {
      return DIRECT;
    }
    if ("/async".equals(path)) {
      return ASYNC;
    }
    return null;
  }
}
