package io.openreplay.backend.readme.probe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import io.openreplay.backend.OpenReplayContext;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application a README snippet is checked with, run in a JVM of its own whose class path is a README
 * dependency block's (resolved by Maven) with a folder holding the snippet as {@code logback.xml} in front: logback
 * configures itself from it exactly as it does in a user's application. Inside a request (the token attached with
 * {@link OpenReplayContext#attach}) it logs an INFO line, an ERROR line and an ERROR line with an exception; outside
 * any request one ERROR line; then it stops logback, which makes every appender send what it holds.
 *
 * <p>Exit codes: 0 done; 2 logback reported errors; 3 SLF4J is not bound to logback (the block's class path does not
 * make logback SLF4J's provider).
 */
public final class ProbeApplication {

  /** The logger every line is logged with. */
  public static final String LOGGER = "shop.Checkout";
  /** The INFO line of the request. */
  public static final String INFO = "probe: cart shown";
  /** The ERROR line of the request. */
  public static final String ERROR = "probe: payment failed";
  /** The ERROR line of the request that carries an exception. */
  public static final String ERROR_WITH_EXCEPTION = "probe: payment failed with an exception";
  /** The message of that exception. */
  public static final String EXCEPTION_MESSAGE = "card declined";
  /** The ERROR line outside any request. */
  public static final String OUTSIDE = "probe: nightly job failed";
  /** What the probe prints last on standard output when it ran through. */
  public static final String DONE = "probe: done";

  private ProbeApplication() {
  }

  /**
   * @param args the session token to attach
   */
  public static void main(String[] args) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      System.err.println("probe: SLF4J is bound to " + factory.getClass().getName() + ", not to logback");
      System.exit(3);
    }
    LoggerContext context = (LoggerContext) factory;
    failOnErrors(context, "configuring");
    Logger log = LoggerFactory.getLogger(LOGGER);
    ProbeScenario.log(args[0], log::info, log::error);
    context.stop();
    failOnErrors(context, "logging");
    System.out.println(DONE);
  }

  private static void failOnErrors(LoggerContext context, String when) {
    String errors = context.getStatusManager().getCopyOfStatusList().stream()
        .filter(status -> status.getEffectiveLevel() >= Status.ERROR)
        .map(status -> status.getMessage() + (status.getThrowable() == null ? "" : " " + status.getThrowable()))
        .collect(Collectors.joining("; "));
    if (!errors.isEmpty()) {
      System.err.println("probe: logback reported errors while " + when + ": " + errors);
      System.exit(2);
    }
  }
}
