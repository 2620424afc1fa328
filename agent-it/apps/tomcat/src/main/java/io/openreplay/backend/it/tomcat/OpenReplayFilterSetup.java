package io.openreplay.backend.it.tomcat;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.OpenReplayInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Context;

/**
 * The app as a user of the {@code filter} module has it (switched on by {@code -Dit.openreplayFilter=true}):
 * {@code OpenReplayFilter} and {@code OpenReplayRequestListener} registered by the module's own initializer, plus
 * {@code /it/attaches}, which reports what {@link CountingAttachListener} counted.
 */
final class OpenReplayFilterSetup {

  private OpenReplayFilterSetup() {
  }

  static void addTo(Context context) {
    context.addServletContainerInitializer(new OpenReplayInitializer(), null);
    context.addServletContainerInitializer((classes, servletContext) ->
        servletContext.addServlet("attaches", new AttachesServlet()).addMapping("/it/attaches"), null);
  }

  /**
   * {@code /it/attaches?token=T}: how often {@code T} was attached through {@code OpenReplayContext} (without
   * {@code token}: all attaches); with {@code probe=T}, the servlet first attaches {@code T} itself, once.
   */
  static final class AttachesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String probe = request.getParameter("probe");
      if (probe != null) {
        try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(probe).orElseThrow())) {
          // attached once, for the count
        }
      }
      response.setContentType("text/plain");
      response.getWriter().write(Integer.toString(CountingAttachListener.attaches(request.getParameter("token"))));
    }
  }
}
