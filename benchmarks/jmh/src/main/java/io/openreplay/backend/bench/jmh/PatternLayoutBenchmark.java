package io.openreplay.backend.bench.jmh;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import io.openreplay.backend.logback.OpenReplayPatternLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code %openReplay} converter per event: {@link OpenReplayPatternLayout} with a console pattern that has
 * {@code %openReplay} before {@code %msg}, against logback's plain {@link PatternLayout} with the same pattern without
 * it. Each operation lays out a new event that carries a token (its creation is in both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatternLayoutBenchmark {

  /** The plain pattern: a usual console line. */
  public static final String PLAIN_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  /** The same pattern with the OpenReplay prefix before the message. */
  public static final String OPENREPLAY_PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %openReplay%msg%n";

  /**
   * The plain pattern that writes the same line as {@link #OPENREPLAY_PATTERN} for an event with a token, with
   * logback's own {@code %X} converters: what a plain layout costs to write the same text.
   */
  public static final String SAME_TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - "
      + "[openReplaySessionToken=%X{openReplaySessionToken}] [openReplaySession.id=%X{openReplaySession.id}] %msg%n";

  private PatternLayout plain;
  private PatternLayout sameText;
  private PatternLayout openReplay;
  private PaymentErrorEvents events;

  /** Creates the benchmark's state; JMH calls this. */
  public PatternLayoutBenchmark() {
  }

  /** Starts both layouts in one logger context. */
  @Setup
  public void startLayouts() {
    LoggerContext context = new LoggerContext();
    plain = new PatternLayout();
    plain.setContext(context);
    plain.setPattern(PLAIN_PATTERN);
    plain.start();
    sameText = new PatternLayout();
    sameText.setContext(context);
    sameText.setPattern(SAME_TEXT_PATTERN);
    sameText.start();
    openReplay = new OpenReplayPatternLayout();
    openReplay.setContext(context);
    openReplay.setPattern(OPENREPLAY_PATTERN);
    openReplay.start();
    events = new PaymentErrorEvents(context);
    if (!openReplay.doLayout(events.next()).contains("[openReplaySessionToken=" + Tokens.CONTRACT_TOKEN + "] ")) {
      throw new IllegalStateException("%openReplay wrote no prefix: the benchmark would measure nothing");
    }
    String ours = openReplay.doLayout(events.next());
    String same = sameText.doLayout(events.next());
    if (!ours.substring(ours.indexOf(" - ")).equals(same.substring(same.indexOf(" - ")))) {
      throw new IllegalStateException("the plain pattern of the same text writes another text: " + same + " / " + ours);
    }
  }

  /**
   * @return the line, without the prefix
   */
  @Benchmark
  public String plainPattern() {
    return plain.doLayout(events.next());
  }

  /**
   * @return the line written by a plain pattern with {@code %X}, the same text as {@link #openReplayPattern()}'s
   */
  @Benchmark
  public String sameTextPattern() {
    return sameText.doLayout(events.next());
  }

  /**
   * @return the line, with the prefix
   */
  @Benchmark
  public String openReplayPattern() {
    return openReplay.doLayout(events.next());
  }
}
