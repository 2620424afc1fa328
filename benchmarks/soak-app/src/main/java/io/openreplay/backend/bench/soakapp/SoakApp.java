package io.openreplay.backend.bench.soakapp;

import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The soak's application: embedded Tomcat 10.1 on 127.0.0.1 (any free port, kept-alive connections without a
 * request limit, a request pool of a fixed {@value #REQUEST_THREADS} threads), serving {@code /work}
 * ({@link WorkServlet}) and {@code /soak/stats} ({@link StatsServlet}), and every {@value #BACKGROUND_MILLIS} ms doing
 * work outside any request ({@link Units#outsideRequests()}) on a scheduler's thread of its own. Prints
 * {@value #ANNOUNCEMENT}{@code PORT/} once it serves.
 *
 * <p>The system property {@value #WIRING} chooses how it is written: {@code plain} (the default), an application that
 * knows nothing of OpenReplay, for the agent; {@code library}, with {@code openreplay-filter}'s filter and listener
 * registered and its executor wrapped with {@code OpenReplayContext}, as the README tells a library user. The logback
 * configuration goes with it ({@code -Dlogback.configurationFile=logback-plain.xml} or {@code logback-library.xml}).
 */
public final class SoakApp {

  /** The system property that chooses the wiring. */
  public static final String WIRING = "soak.wiring";
  /** The start of the line that announces the address. */
  public static final String ANNOUNCEMENT = "soak app serving on http://127.0.0.1:";

  /** How often the work outside any request is done ({@link Units#outsideRequests()}), in milliseconds. */
  static final long BACKGROUND_MILLIS = 10;
  /** The size of Tomcat's request pool, fixed. */
  static final int REQUEST_THREADS = 64;

  private SoakApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    boolean library = "library".equals(System.getProperty(WIRING, "plain"));
    Units units = new Units(library ? new LibraryHandover() : Handover.PLAIN);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        task -> new Thread(task, "soak-background"));
    scheduler.scheduleWithFixedDelay(units::outsideRequests, BACKGROUND_MILLIS, BACKGROUND_MILLIS,
        TimeUnit.MILLISECONDS);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("soak-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setProperty("maxKeepAliveRequests", "-1");
    // A request pool of a fixed size, all started at once: its threads never come and go with the load, so a thread
    // that anything leaves behind shows in the count.
    connector.setProperty("maxThreads", Integer.toString(REQUEST_THREADS));
    connector.setProperty("minSpareThreads", Integer.toString(REQUEST_THREADS));
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer((classes, servletContext) -> {
      if (library) {
        OpenReplayRegistration.register(servletContext);
      }
      servletContext.addServlet("work", new WorkServlet(units)).setAsyncSupported(true);
      servletContext.getServletRegistration("work").addMapping("/work");
      servletContext.addServlet("stats", new StatsServlet()).addMapping("/soak/stats");
    }, null);
    tomcat.start();
    System.out.println(ANNOUNCEMENT + connector.getLocalPort() + "/ (wiring " + (library ? "library" : "plain") + ")");
    tomcat.getServer().await();
  }
}
