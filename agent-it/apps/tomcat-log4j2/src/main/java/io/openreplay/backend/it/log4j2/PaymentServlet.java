package io.openreplay.backend.it.log4j2;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code GET /payment?id=M}: logs an INFO and an ERROR with parameters and an exception on the request thread, an
 * ERROR to the audit logger (an async logger), then an ERROR from a task of the app's own pool, and answers
 * {@code paid M} once the task has logged.
 */
final class PaymentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LogManager.getLogger(PaymentServlet.class);
  private static final Logger AUDIT = LogManager.getLogger("payment.audit");

  private final transient ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
    Thread thread = new Thread(task, "payment-pool");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = request.getParameter("id");
    LOG.info("payment started id={}", id);
    LOG.error("payment failed for order {} id={}", 42, id, new IllegalStateException("card declined"));
    AUDIT.error("payment audit failed id={}", id);
    try {
      pool.submit(() -> LOG.error("refund failed for order {} id={}", 42, id)).get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(e);
    }
    response.setContentType("text/plain");
    response.getWriter().write("paid " + id);
  }
}
