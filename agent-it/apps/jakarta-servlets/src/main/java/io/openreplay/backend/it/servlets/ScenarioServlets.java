package io.openreplay.backend.it.servlets;

import io.openreplay.backend.it.scenario.Scenarios;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test apps' servlets, registered the same way on every container. The Tomcat 9 app's ({@code javax.servlet})
 * are made from this source by its build.
 */
public final class ScenarioServlets {

  private ScenarioServlets() {
  }

  /**
   * Registers the servlets: {@code /s/NAME} runs a scenario, {@code /throw} throws out of the servlet,
   * {@code /async} finishes on {@code AsyncContext.start}, {@code /dispatch} resumes by {@code AsyncContext.dispatch}.
   *
   * @param context the web application
   * @param scenarios the scenarios
   */
  public static void register(ServletContext context, Scenarios scenarios) {
    context.addServlet("scenario", new ScenarioServlet(scenarios)).addMapping("/s/*");
    context.addServlet("throw", new ThrowingServlet()).addMapping("/throw");
    context.addServlet("async", new AsyncServlet()).setAsyncSupported(true);
    context.getServletRegistration("async").addMapping("/async");
    context.addServlet("dispatch", new DispatchServlet(scenarios)).setAsyncSupported(true);
    context.getServletRegistration("dispatch").addMapping("/dispatch");
  }

  static String id(HttpServletRequest request) {
    String id = request.getParameter("id");
    return id == null ? "none" : id;
  }

  /** {@code /s/NAME?id=ID}: one scenario. */
  static final class ScenarioServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Scenarios scenarios;

    ScenarioServlet(Scenarios scenarios) {
      this.scenarios = scenarios;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
      try {
        String body = scenarios.run(name, id(request));
        response.setContentType("text/plain");
        response.getWriter().write(body);
      } catch (Exception e) {
        response.sendError(500, e.toString());
      }
    }
  }

  /** {@code /throw?id=ID}: an exception the container itself logs. */
  static final class ThrowingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("scenario uncaught id=" + id(request));
    }
  }

  /** {@code /async?id=ID}: the response is written from a task given to {@code AsyncContext.start}. */
  static final class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      String id = id(request);
      AsyncContext async = request.startAsync();
      async.start(() -> {
        Scenarios.log().error("scenario async id={}", id);
        try {
          async.getResponse().setContentType("text/plain");
          async.getResponse().getWriter().write("async " + id);
        } catch (IOException e) {
          Scenarios.log().warn("async response failed", e);
        } finally {
          async.complete();
        }
      });
    }
  }

  /** {@code /dispatch?id=ID}: goes asynchronous, and the app's executor dispatches the request back. */
  static final class DispatchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Scenarios scenarios;

    DispatchServlet(Scenarios scenarios) {
      this.scenarios = scenarios;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String id = id(request);
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        Scenarios.log().error("scenario dispatched id={}", id);
        response.setContentType("text/plain");
        response.getWriter().write("dispatched " + id);
        return;
      }
      AsyncContext async = request.startAsync();
      scenarios.pool().execute(async::dispatch);
    }
  }
}
