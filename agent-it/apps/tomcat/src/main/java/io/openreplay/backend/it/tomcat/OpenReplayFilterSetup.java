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
 * The app as a user of the OpenReplay library has it (switched on by {@code -Dit.openreplayFilter=true}): the
 * {@code filter} module's {@code OpenReplayFilter} and {@code OpenReplayRequestListener} registered by the module's
 * own initializer (unless {@code -Dit.openreplayFilter.registered=false}: then the app uses the library's API without
 * the filter), {@code /it/attaches}, which reports what {@link CountingAttachListener} counted, and
 * {@code /it/library} ({@link LibraryApiServlet}), the app's own calls of {@code OpenReplayContext}.
 */
final class OpenReplayFilterSetup {

  private OpenReplayFilterSetup() {
  }

  static void addTo(Context context) {
    if (!"false".equals(System.getProperty("it.openreplayFilter.registered"))) {
      context.addServletContainerInitializer(new OpenReplayInitializer(), null);
    }
    context.addServletContainerInitializer((classes, servletContext) -> {
      servletContext.addServlet("attaches", new AttachesServlet()).addMapping("/it/attaches");
      servletContext.addServlet("library", new LibraryApiServlet()).addMapping("/it/library");
    }, null);
  }

  /**
   * {@code /it/attaches?token=T}: how often the attach listeners were told of {@code T} (without {@code token}: of
   * any token); with {@code probe=T}, the servlet first attaches {@code T} itself, once.
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
