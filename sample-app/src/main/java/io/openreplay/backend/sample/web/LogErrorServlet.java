package io.openreplay.backend.sample.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fails politely: logs an ERROR (no exception) and answers 500. */
final class LogErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LogErrorServlet.class);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LOG.error("checkout failed: the payment provider declined the card");
    Responses.text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "checkout failed");
  }
}
