package io.openreplay.backend.it.tomcatjul;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /throw?id=X}: throws, so that Tomcat itself logs {@code Servlet.service() for servlet [throw] ...}. */
public final class UncaughtServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    throw new IllegalStateException("uncaught id=" + request.getParameter("id"));
  }
}
