package io.openreplay.backend.sample.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a report job to a worker pool; the job fails on the worker thread and logs the failure there, at ERROR. The
 * request waits for the job (at most {@value #WAIT_SECONDS} s) and answers 500.
 */
final class FailingTaskServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FailingTaskServlet.class);
  private static final int WAIT_SECONDS = 10;

  private final transient ExecutorService workers;

  FailingTaskServlet(ExecutorService workers) {
    this.workers = workers;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Future<?> job = workers.submit(FailingTaskServlet::buildReport);
    try {
      job.get(WAIT_SECONDS, TimeUnit.SECONDS);
      Responses.text(response, HttpServletResponse.SC_OK, "report built");
    } catch (ExecutionException e) {
      Responses.text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "report failed");
    } catch (TimeoutException e) {
      job.cancel(true);
      Responses.text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "report timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
    }
  }

  private static void buildReport() {
    String monthlyTotal = "12 400";
    try {
      LOG.info("report total: {}", Integer.parseInt(monthlyTotal));
    } catch (NumberFormatException e) {
      LOG.error("report job failed", e);
      throw e;
    }
  }
}
