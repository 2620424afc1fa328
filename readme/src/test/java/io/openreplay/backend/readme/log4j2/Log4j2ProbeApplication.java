package io.openreplay.backend.readme.log4j2;

import static io.openreplay.backend.readme.probe.ProbeApplication.DONE;
import static io.openreplay.backend.readme.probe.ProbeApplication.LOGGER;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.readme.probe.ProbeScenario;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.slf4j.LoggerFactory;

/**
 * The application a README {@code log4j2.xml} is checked with, the Log4j 2 twin of
 * {@link io.openreplay.backend.readme.probe.ProbeApplication}: run in a JVM of its own whose class path is the README's
 * Log4j 2 dependency block with a folder holding the snippet as {@code log4j2.xml} in front, so Log4j configures
 * itself from it as in a user's application. Inside a request (the token attached with
 * {@link OpenReplayContext#attach}) it logs the same INFO, ERROR and ERROR-with-exception lines through Log4j's API,
 * outside any request one ERROR line, then shuts Log4j down, which closes every appender.
 *
 * <p>Exit codes: 0 done; 2 Log4j reported errors; 3 SLF4J is not bound to Log4j.
 */
public final class Log4j2ProbeApplication {

  private Log4j2ProbeApplication() {
  }

  /**
   * @param args the session token to attach
   */
  public static void main(String[] args) {
    Errors errors = new Errors();
    StatusLogger.getLogger().registerListener(errors);
    String factory = LoggerFactory.getILoggerFactory().getClass().getName();
    if (!factory.startsWith("org.apache.logging.slf4j.")) {
      System.err.println("probe: SLF4J is bound to " + factory + ", not to Log4j");
      System.exit(3);
    }
    Logger log = LogManager.getLogger(LOGGER);
    ProbeScenario.log(args[0], log::info, log::error);
    LogManager.shutdown();
    if (!errors.messages.isEmpty()) {
      System.err.println("probe: Log4j reported errors: " + errors.messages);
      System.exit(2);
    }
    System.out.println(DONE);
  }

  /** Log4j's status messages at ERROR. */
  private static final class Errors implements StatusListener {
    final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void log(StatusData data) {
      if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
        messages.add(data.getMessage().getFormattedMessage());
      }
    }

    @Override
    public Level getStatusLevel() {
      return Level.ERROR;
    }

    @Override
    public void close() {
    }
  }
}
