package io.openreplay.backend.filter.support;

import io.openreplay.backend.OpenReplayContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test application: every way a request's work can continue, each writing "event id=N kind" log lines for the
 * test to check, and "probe ..." lines that must carry no token. The javax tests' copy,
 * {@code io.openreplay.backend.filter.support.javax.ScenarioServlet}, is made from this source by the build.
 */
public class ScenarioServlet extends HttpServlet {

  public static final Logger LOG = LoggerFactory.getLogger("openreplay.test.app");

  /** The application's own pool; work handed to it is wrapped (or deliberately not, for the probes). */
  public static final ExecutorService APP_POOL = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "app-pool");
    thread.setDaemon(true);
    return thread;
  });

  private static final ExecutorService HANDING_OVER = OpenReplayContext.wrap(APP_POOL);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("id");
    Object included = request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
    String path = included != null ? included.toString()
        : request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
    switch (path) {
      case "/sync" -> {
        LOG.info("event id={} sync", id);
        ok(response);
      }
      case "/probe" -> {
        LOG.info("probe container");
        ok(response);
      }
      case "/executor" -> {
        LOG.info("event id={} before-executor", id);
        try {
          HANDING_OVER.submit(() -> LOG.info("event id={} executor", id)).get(10, TimeUnit.SECONDS);
          APP_POOL.submit(() -> LOG.info("probe pool")).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new ServletException(e);
        }
        ok(response);
      }
      case "/async-start" -> {
        AsyncContext async = request.startAsync();
        async.start(() -> {
          LOG.info("event id={} async-start", id);
          try {
            ok((HttpServletResponse) async.getResponse());
          } catch (IOException e) {
            LOG.warn("write failed", e);
          }
          async.complete();
        });
      }
      case "/async-dispatch" -> {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
          LOG.info("event id={} dispatched", id);
          ok(response);
          return;
        }
        AsyncContext async = request.startAsync();
        async.addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            LOG.info("event id={} on-complete", id);
          }

          @Override
          public void onTimeout(AsyncEvent event) {
          }

          @Override
          public void onError(AsyncEvent event) {
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
          }
        });
        HANDING_OVER.execute(() -> {
          LOG.info("event id={} async-worker", id);
          async.dispatch();
        });
      }
      case "/forward" -> {
        LOG.info("event id={} before-forward", id);
        request.getRequestDispatcher("/app/include").forward(request, response);
      }
      case "/include" -> {
        LOG.info("event id={} forwarded", id);
        request.getRequestDispatcher("/app/included").include(request, response);
      }
      case "/included" -> {
        LOG.info("event id={} included", id);
        ok(response);
      }
      case "/boom" -> {
        LOG.info("event id={} boom", id);
        throw new IllegalStateException("boom " + id);
      }
      default -> response.sendError(404);
    }
  }

  static void ok(HttpServletResponse response) throws IOException {
    byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
