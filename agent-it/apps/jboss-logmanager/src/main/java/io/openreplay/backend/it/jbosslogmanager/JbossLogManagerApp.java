package io.openreplay.backend.it.jbosslogmanager;

import io.openreplay.backend.it.tomcatjul.RecordMessageHandler;
import io.openreplay.backend.it.tomcatjul.TomcatJulApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * The tomcat-jul app's servlets ({@code /log}, {@code /throw}) on embedded Tomcat 10.1, run with
 * {@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager}; prints {@code LISTENING PORT} once it serves.
 * Its handlers, in the folder {@code -Dit.jul.dir}, each with JBoss LogManager's {@code PatternFormatter}:
 * {@code simple.log} ({@code %s%e}: the message, then the exception), {@code message.log} ({@code %m}: the message
 * with the exception), {@code mdc.log} ({@code %X} of both keys) and {@code async.log} ({@code %s%e} behind an
 * {@code AsyncHandler}, formatting on its own thread); {@code records.log} has each record's own message and MDC
 * copy ({@link RecordMessageHandler}).
 */
public final class JbossLogManagerApp {

  private JbossLogManagerApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (!LogManager.getLogManager().getClass().getName().equals("org.jboss.logmanager.LogManager")) {
      throw new IllegalStateException("run with -Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    }
    Path dir = Files.createDirectories(Path.of(System.getProperty("it.jul.dir")));
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(file(dir, "simple.log", "@@ %p %c %s%e%n"));
    root.addHandler(file(dir, "message.log", "@@ %p %c %m%n"));
    root.addHandler(file(dir, "mdc.log", "@@ %p token=%X{openReplaySessionToken} id=%X{openReplaySession.id} %s%n"));
    AsyncHandler async = new AsyncHandler();
    async.addHandler(file(dir, "async.log", "@@ %p %c %s%e%n"));
    root.addHandler(async);
    root.addHandler(new RecordMessageHandler(dir.resolve("records.log"),
        record -> " | " + new TreeMap<>(((ExtLogRecord) record).getMdcCopy())));
    TomcatJulApp.start(Files.createTempDirectory("jboss-logmanager-app"));
  }

  private static FileHandler file(Path dir, String name, String pattern) throws Exception {
    FileHandler handler = new FileHandler(new PatternFormatter(pattern), new File(dir.toFile(), name));
    handler.setAutoFlush(true);
    return handler;
  }
}
