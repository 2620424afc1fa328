package io.openreplay.backend.it.tomcatjul;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.juli.AsyncFileHandler;
import org.apache.juli.OneLineFormatter;

/**
 * An embedded Tomcat 10.1 application on 127.0.0.1 that logs through {@code java.util.logging} only; prints
 * {@code LISTENING PORT} once it serves. Its handlers, in the folder {@code -Dit.jul.dir}: the console with Tomcat
 * JULI's {@code OneLineFormatter}, {@code simple.log} ({@code SimpleFormatter}), {@code async.*.log} (JULI's
 * {@code AsyncFileHandler}, formatting on its own thread, with {@code OneLineFormatter}), {@code custom.log} (the
 * app's {@link BracketFormatter}) and {@code records.log} (each record's own message, {@link RecordMessageHandler}).
 */
public final class TomcatJulApp {

  private TomcatJulApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("it.jul.dir")));
    // Embedded Tomcat sets this formatter on the console handlers when its logging starts (JULI's DirectJDKLog).
    System.setProperty("org.apache.juli.formatter", OneLineFormatter.class.getName());
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLineFormatter());
    root.addHandler(console);
    FileHandler simple = new FileHandler(dir.resolve("simple.log").toString());
    simple.setFormatter(new SimpleFormatter());
    root.addHandler(simple);
    AsyncFileHandler async = new AsyncFileHandler(dir.toString(), "async.", ".log");
    async.setFormatter(new OneLineFormatter());
    root.addHandler(async);
    FileHandler custom = new FileHandler(dir.resolve("custom.log").toString());
    custom.setFormatter(new BracketFormatter());
    root.addHandler(custom);
    root.addHandler(new RecordMessageHandler(dir.resolve("records.log"), record -> ""));
    start(Files.createTempDirectory("tomcat-jul-app"));
  }

  /**
   * Starts Tomcat with the app's two servlets, {@code /log} and {@code /throw}, and serves until the process ends.
   *
   * @param baseDir Tomcat's base folder
   * @throws Exception when the server cannot start
   */
  public static void start(Path baseDir) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "log", new JulLoggingServlet());
    context.addServletMappingDecoded("/log", "log");
    Tomcat.addServlet(context, "throw", new UncaughtServlet());
    context.addServletMappingDecoded("/throw", "throw");
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }
}
