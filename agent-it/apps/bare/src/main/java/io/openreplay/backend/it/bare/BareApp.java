package io.openreplay.backend.it.bare;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat 11 application with no logback, Sentry or Rollbar (Tomcat logs through java.util.logging):
 * {@code /hello}, {@code /work} (an executor, a CompletableFuture and a thread), {@code /echo} (request headers
 * back, but the host), {@code /throw} (Tomcat's error page), {@code /async}, {@code /internals} (whether this code reaches the JDK's
 * internals). Prints {@code LISTENING PORT} once it serves.
 */
public final class BareApp {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  private BareApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("bare-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "hello", new Hello()).addMapping("/hello");
    Tomcat.addServlet(context, "work", new Work()).addMapping("/work");
    Tomcat.addServlet(context, "echo", new Echo()).addMapping("/echo");
    Tomcat.addServlet(context, "throw", new Throw()).addMapping("/throw");
    Tomcat.addServlet(context, "internals", new Internals()).addMapping("/internals");
    Tomcat.addServlet(context, "async", new Async()).setAsyncSupported(true);
    context.addServletMappingDecoded("/async", "async");
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }

  /** Whether the application's code can reach the JDK's internals: the agent must not change that. */
  static final class Internals extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Module javaBase = Object.class.getModule();
      Module application = BareApp.class.getModule();
      response.setContentType("text/plain");
      response.getWriter().write("jdk.internal.misc exported " + javaBase.isExported("jdk.internal.misc", application)
          + ", open " + javaBase.isOpen("jdk.internal.misc", application));
    }
  }

  static final class Hello extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("hello");
    }
  }

  static final class Work extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        int fromPool = POOL.submit(() -> 20).get(10, TimeUnit.SECONDS);
        int fromFuture = CompletableFuture.supplyAsync(() -> 22).get(10, TimeUnit.SECONDS);
        int[] fromThread = new int[1];
        Thread thread = new Thread(() -> fromThread[0] = 0);
        thread.start();
        thread.join(10_000);
        response.setContentType("text/plain");
        response.getWriter().write("work " + (fromPool + fromFuture + fromThread[0]));
      } catch (Exception e) {
        response.sendError(500, "work failed");
      }
    }
  }

  static final class Echo extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      StringBuilder body = new StringBuilder();
      for (String name : java.util.Collections.list(request.getHeaderNames())) {
        if ("host".equalsIgnoreCase(name)) {
          continue;
        }
        body.append(name.toLowerCase(java.util.Locale.ROOT)).append('=').append(request.getHeader(name)).append('\n');
      }
      response.setContentType("text/plain");
      response.getWriter().write(body.toString());
    }
  }

  static final class Throw extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("bare failure");
    }
  }

  static final class Async extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      async.start(() -> {
        try {
          async.getResponse().setContentType("text/plain");
          async.getResponse().getWriter().write("async");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          async.complete();
        }
      });
    }
  }
}
