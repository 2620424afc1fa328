package io.openreplay.backend.bench.jmh;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

/**
 * The agent's logging-event advice: making a logback event, and logging one through a console-like appender (pattern
 * layout, output thrown away), in a JVM with {@code -javaagent:openreplay-agent.jar} and in one without.
 * {@link MicroBenchmarks} runs it both ways. Logging measures all the agent adds on logback's path: the advice on
 * the event's constructor and whatever the agent does while the line is rendered (the prefix of ERROR lines).
 *
 * <p>{@code token=none}: no token is current, as on any thread outside a request: the advice's fast path.
 * {@code token=current}: the contract's token is the agent's current token on the benchmark thread (MDC empty), as
 * while a container serves a request that carries it ({@link AgentTokenScope}): the advice adds both keys to the
 * event's MDC map, and ERROR lines get the prefix. {@code current} needs the agent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoggingEventBenchmark {

  /** Whether a token is current on the benchmark thread: {@code none} or {@code current}. */
  @Param({"none", "current"})
  public String token;

  private final Object[] arguments = {4711};
  private Logger logger;
  private AgentTokenScope request;

  /** Creates the benchmark's state; JMH calls this. */
  public LoggingEventBenchmark() {
  }

  /** Sets up logback and, for {@code token=current}, makes the token the agent's current token on this thread. */
  @Setup
  public void setUp() {
    // The application's logger context, bound through SLF4J, whose MDC adapter events read their MDC from.
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PatternLayoutBenchmark.PLAIN_PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
    console.setContext(context);
    console.setEncoder(encoder);
    console.setOutputStream(OutputStream.nullOutputStream());
    console.start();
    logger = context.getLogger("io.openreplay.backend.bench.clinic.web.PharmacyOrderController");
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
    logger.addAppender(console);

    if ("current".equals(token)) {
      request = AgentTokenScope.attach(Tokens.CONTRACT_TOKEN);
    } else if (!"none".equals(token)) {
      throw new IllegalArgumentException("token must be none or current, not " + token);
    }
    checkTheAdviceRuns();
  }

  private void checkTheAdviceRuns() {
    LoggingEvent event = createErrorEvent();
    boolean carriesToken = event.getMDCPropertyMap().containsKey("openReplaySessionToken");
    if (carriesToken != (request != null)) {
      throw new IllegalStateException("the event " + (carriesToken ? "carries" : "lacks") + " the token with token="
          + token + ", agent " + (AgentTokenScope.agentPresent() ? "present" : "absent"));
    }
  }

  /** Detaches the token, if one was attached. */
  @TearDown
  public void tearDown() {
    if (request != null) {
      request.close();
    }
  }

  /**
   * @return a new ERROR event, as a logger makes it before handing it to the appenders
   */
  @Benchmark
  public LoggingEvent createErrorEvent() {
    return new LoggingEvent(Logger.FQCN, logger, Level.ERROR, PaymentErrorEvents.MESSAGE, null, arguments);
  }

  /** {@code log.error("payment failed for order {}", 4711)} through the appender. */
  @Benchmark
  public void logError() {
    logger.error(PaymentErrorEvents.MESSAGE, arguments[0]);
  }

  /** {@code log.info("order {} shown", 4711)} through the appender. */
  @Benchmark
  public void logInfo() {
    logger.info("order {} shown", arguments[0]);
  }
}
