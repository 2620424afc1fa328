package io.openreplay.backend.bench.soakapp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /work?kind=KIND&n=N}: one request of the soak. Every kind logs a unit's event on the request thread first,
 * then:
 * <ul>
 *   <li>{@code sync}: nothing more;</li>
 *   <li>{@code executor}: a task on the application's executor;</li>
 *   <li>{@code forkjoin}: a recursive task on the application's fork-join pool ({@value Units#LEAVES} leaves);</li>
 *   <li>{@code async}: {@code startAsync}, and a continuation given to {@code AsyncContext.start} that answers;</li>
 *   <li>{@code dispatch}: {@code startAsync}, a task on the application's executor that dispatches the request
 *       again, and the dispatched request, which answers;</li>
 *   <li>{@code mixed}: {@code startAsync}, and a continuation given to {@code AsyncContext.start} that hands a task
 *       to the executor and a recursive task to the common pool, then answers.</li>
 * </ul>
 * The answer is {@code done N}; a unit that fails answers 500. A request number served a second time, or a request
 * dispatched again otherwise than by its own {@code dispatch} (an error dispatch), is counted ({@link ServedRequests})
 * and logged as a warning.
 */
final class WorkServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WorkServlet.class);

  private final transient Units units;

  WorkServlet(Units units) {
    this.units = units;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Expectation expected = Expectation.of(request);
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      Units.log("dispatched", expected);
      answer(request, response);
      return;
    }
    String kind = String.valueOf(request.getParameter("kind"));
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      // An error dispatch (an asynchronous request that timed out): counted, and no work done again.
      ServedRequests.again();
      LOG.warn("request {} ({}) dispatched again as {}", request.getParameter("n"), kind, request.getDispatcherType());
      response.sendError(500, "dispatched again as " + request.getDispatcherType());
      return;
    }
    if (!ServedRequests.firstTime(parseNumber(request.getParameter("n")))) {
      LOG.warn("request {} ({}) served again", request.getParameter("n"), kind);
    }
    Units.log("request", expected);
    try {
      switch (kind) {
        case "sync" -> answer(request, response);
        case "executor" -> {
          units.onExecutor(expected);
          answer(request, response);
        }
        case "forkjoin" -> {
          units.forkJoin(expected, false);
          answer(request, response);
        }
        case "async" -> continueAsync(request, expected, false);
        case "dispatch" -> {
          AsyncContext async = request.startAsync();
          units.pool().execute(() -> {
            Units.log("executor", expected);
            async.dispatch();
          });
        }
        case "mixed" -> continueAsync(request, expected, true);
        default -> response.sendError(404, "unknown kind " + kind);
      }
    } catch (Exception e) {
      response.sendError(500, e.toString());
    }
  }

  private static long parseNumber(String n) {
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void continueAsync(HttpServletRequest request, Expectation expected, boolean handOver) {
    AsyncContext async = request.startAsync();
    async.start(() -> {
      try {
        Units.log("async", expected);
        if (handOver) {
          units.onExecutor(expected);
          units.forkJoin(expected, true);
        }
        answer(request, async.getResponse());
      } catch (Exception e) {
        ((HttpServletResponse) async.getResponse()).setStatus(500);
      } finally {
        async.complete();
      }
    });
  }

  private static void answer(HttpServletRequest request, ServletResponse response) throws IOException {
    response.setContentType("text/plain");
    response.getWriter().write("done " + request.getParameter("n"));
  }
}
