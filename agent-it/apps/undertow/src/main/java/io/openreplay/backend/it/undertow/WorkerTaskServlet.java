package io.openreplay.backend.it.undertow;

import io.openreplay.backend.it.scenario.Scenarios;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /worker?id=ID}: hands a task to Undertow's own worker pool (the XNIO worker of the request's connection)
 * and answers once it ran; the task logs an error from the pool's thread.
 */
public final class WorkerTaskServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = request.getParameter("id") == null ? "none" : request.getParameter("id");
    CompletableFuture<String> ran = new CompletableFuture<>();
    ServletRequestContext.requireCurrent().getExchange().getConnection().getWorker().execute(() -> {
      Scenarios.log().error("scenario undertow-worker id={}", id);
      ran.complete(Thread.currentThread().getName());
    });
    String thread;
    try {
      thread = ran.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      response.sendError(500, e.toString());
      return;
    }
    response.setContentType("text/plain");
    response.getWriter().write("worker " + id + " on " + thread);
  }
}
