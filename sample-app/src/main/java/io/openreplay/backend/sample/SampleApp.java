package io.openreplay.backend.sample;

import ch.qos.logback.classic.LoggerContext;
import io.openreplay.backend.sample.web.Endpoints;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample web application: Jetty 12 on one port serving the {@link Endpoints}.
 *
 * <p>Run it with {@code -javaagent:openreplay-agent.jar} and send a request with the header
 * {@code X-OpenReplay-SessionToken}: each error it logs reaches the providers configured by environment variable
 * (see {@code logback.xml}) with the token. Settings, from system properties or else environment variables:
 * <ul>
 *   <li>{@code sample.port} / {@code PORT}: the port, {@value #DEFAULT_PORT} by default, {@code 0} for any free one;</li>
 *   <li>{@code sample.host} / {@code HOST}: the address to listen on, {@value #DEFAULT_HOST} by default.</li>
 * </ul>
 * With the argument {@value #EXIT_WITH_STDIN}, the application stops when its standard input closes (the demo
 * launcher's pipe), so it never outlives the process that started it.
 *
 * <p>Once it serves, it prints one line {@value #LISTENING} followed by its base URL. Stopping (standard input
 * closed, or a signal) stops Jetty, then logback, whose appenders send what they still hold.
 */
public final class SampleApp {

  /** The port used when none is set. */
  public static final int DEFAULT_PORT = 8080;

  /** The address listened on when none is set. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The argument that ties the application's life to its standard input. */
  public static final String EXIT_WITH_STDIN = "--exit-with-stdin";

  /** The start of the line printed once the application serves, before its base URL. */
  public static final String LISTENING = "sample-app listening on ";

  private static final Logger LOG = LoggerFactory.getLogger(SampleApp.class);

  private final Server server;
  private final ExecutorService reports;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private SampleApp(Server server, ExecutorService reports) {
    this.server = server;
    this.reports = reports;
  }

  /**
   * Starts the application and keeps it running until it is stopped.
   *
   * @param args {@value #EXIT_WITH_STDIN} or nothing
   * @throws Exception when Jetty cannot start
   */
  public static void main(String[] args) throws Exception {
    boolean exitWithStdin = args.length > 0 && EXIT_WITH_STDIN.equals(args[0]);
    SampleApp app = start(setting("sample.host", "HOST", DEFAULT_HOST),
        Integer.parseInt(setting("sample.port", "PORT", Integer.toString(DEFAULT_PORT))));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "sample-app-shutdown"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(LISTENING + app.baseUrl());
    if (exitWithStdin) {
      StdinWatch.awaitEndOfInput();
      app.stop();
    } else {
      app.server.join();
    }
  }

  /**
   * Starts the application.
   *
   * @param host the address to listen on
   * @param port the port, {@code 0} for any free one
   * @return the running application
   * @throws Exception when Jetty cannot start
   */
  public static SampleApp start(String host, int port) throws Exception {
    ExecutorService reports = Executors.newFixedThreadPool(2, new NamedThreads("report-worker"));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(Endpoints.context(reports));
    server.setStopAtShutdown(false);
    try {
      server.start();
    } catch (Exception e) {
      reports.shutdownNow();
      throw e;
    }
    LOG.info("sample-app started on {}", connector.getLocalPort());
    return new SampleApp(server, reports);
  }

  /**
   * @return the base URL, e.g. {@code http://127.0.0.1:8080}
   */
  public String baseUrl() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    String host = connector.getHost() == null ? DEFAULT_HOST : connector.getHost();
    return "http://" + host + ":" + connector.getLocalPort();
  }

  /**
   * Stops Jetty and the worker pool, then logback, so that every appender sends what it holds. Runs once; later
   * calls return at once.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly", e);
    }
    reports.shutdown();
    try {
      reports.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("sample-app stopped");
    ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
    if (loggers instanceof LoggerContext) {
      ((LoggerContext) loggers).stop();
    }
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
