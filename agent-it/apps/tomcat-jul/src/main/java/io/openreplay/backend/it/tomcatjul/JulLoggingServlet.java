package io.openreplay.backend.it.tomcatjul;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /log?id=X}: logs one record at SEVERE, WARNING and INFO, a SEVERE with a parameter and a SEVERE with an
 * exception, all through {@code java.util.logging}, each mentioning {@code id=X}.
 */
public final class JulLoggingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger("it.jul.app");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = request.getParameter("id");
    LOG.severe("jul severe id=" + id);
    LOG.warning("jul warning id=" + id);
    LOG.info("jul info id=" + id);
    LOG.log(Level.SEVERE, "jul param {0} id=" + id, "p1");
    LOG.log(Level.SEVERE, "jul thrown id=" + id, new IllegalStateException("caught id=" + id));
    response.setContentType("text/plain");
    response.getWriter().write("logged " + id);
  }
}
