package io.openreplay.backend.it.tomcat;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The app's own code using the library's API during a request, {@code /it/library?id=ID}: what
 * {@code OpenReplayContext.current()} returns on the request thread, the token in the thread's MDC (where the
 * library mirrors a token it attached itself), how often {@link CountingAttachListener} was told of the current token
 * by then (on this thread, before any hand-over), and what a task wrapped with {@code OpenReplayContext.wrap(Callable)}
 * and one run by {@code OpenReplayContext.wrap(Executor)} see on a thread of the app's own (which takes its tasks from
 * a queue: a hand-off the agent does not know). The wrapped task logs an error, and hands a task to a JDK executor
 * that logs one too.
 *
 * <p>With {@code attach=TOKEN} (and no header), the servlet attaches {@code TOKEN} with
 * {@code OpenReplayContext.attach} itself and, inside, reports what it sees, logs an error, has a JDK executor log
 * one, and captures a Sentry message: what the agent's outputs make of a token the library attached.
 *
 * <p>The answer is one {@code name: value} line per finding, {@code none} where no token was seen.
 */
final class LibraryApiServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LibraryApiServlet.class);
  private static final long WAIT_SECONDS = 20;

  private final transient BlockingQueue<Runnable> ownThreadTasks = new LinkedBlockingQueue<>();
  private final transient ExecutorService pool = Executors.newSingleThreadExecutor();

  LibraryApiServlet() {
    Thread ownThread = new Thread(this::serve, "library-own-thread");
    ownThread.setDaemon(true);
    ownThread.start();
  }

  private void serve() {
    while (true) {
      try {
        ownThreadTasks.take().run();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("library own-thread task failed", e);
      }
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String id = request.getParameter("id") == null ? "none" : request.getParameter("id");
    StringBuilder body = new StringBuilder();
    try {
      String attach = request.getParameter("attach");
      if (attach == null) {
        findings(id, body);
      } else {
        attached(SessionToken.parse(attach).orElseThrow(), id, body);
      }
    } catch (Exception e) {
      response.sendError(500, e.toString());
      return;
    }
    response.setContentType("text/plain");
    response.getWriter().write(body.toString());
  }

  private void findings(String id, StringBuilder body) throws Exception {
    seenOnTheRequestThread(body);
    Callable<SessionToken> task = () -> {
      LOG.error("library wrapped id={}", id);
      pool.submit(() -> LOG.error("library wrapped-pool id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      return OpenReplayContext.current().orElse(null);
    };
    line(body, "wrapped", onOwnThread(OpenReplayContext.wrap(task)));
    CompletableFuture<SessionToken> seen = new CompletableFuture<>();
    Executor ownThread = ownThreadTasks::add;
    OpenReplayContext.wrap(ownThread).execute(() -> seen.complete(OpenReplayContext.current().orElse(null)));
    line(body, "executor", seen.get(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  private void attached(SessionToken token, String id, StringBuilder body) throws Exception {
    try (ContextScope scope = OpenReplayContext.attach(token)) {
      seenOnTheRequestThread(body);
      LOG.error("library attached id={}", id);
      pool.submit(() -> LOG.error("library attached-pool id={}", id)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      Sentry.captureMessage("library attached sentry id=" + id, SentryLevel.ERROR);
    }
    line(body, "after", OpenReplayContext.current().orElse(null));
  }

  private static void seenOnTheRequestThread(StringBuilder body) {
    SessionToken current = OpenReplayContext.current().orElse(null);
    line(body, "current", current);
    String mdc = MDC.get(SessionToken.TOKEN_KEY);
    body.append("mdc: ").append(mdc == null ? "none" : mdc).append('\n');
    body.append("attaches: ").append(current == null ? 0 : CountingAttachListener.attaches(current.token()))
        .append('\n');
  }

  private <T> T onOwnThread(Callable<T> task) throws InterruptedException, ExecutionException, TimeoutException {
    FutureTask<T> future = new FutureTask<>(task);
    ownThreadTasks.add(future);
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void line(StringBuilder body, String name, SessionToken token) {
    body.append(name).append(": ");
    if (token == null) {
      body.append("none");
    } else {
      body.append(token.token()).append(' ').append(token.sessionId());
    }
    body.append('\n');
  }
}
