package io.openreplay.backend.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.Generations;
import java.util.Locale;

/**
 * The logback conversion word {@code %openReplay}: prints {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] }
 * when the event carries an OpenReplay token in its MDC, and nothing otherwise. Put it right before {@code %msg}, so the
 * message that a log store indexes starts with what OpenReplay searches for.
 *
 * <p>The option narrows the output to one generation: {@code %openReplay{G1}} prints only the token (OpenReplay up to
 * 1.20), {@code %openReplay{G2}} only the session id (1.21 and later), {@code %openReplay} and
 * {@code %openReplay{BOTH}} print both. An option that is none of these is reported as a logback warning and both are
 * printed.
 *
 * <p>Register it in {@code logback.xml} with
 * {@code <conversionRule conversionWord="openReplay" class="io.openreplay.backend.logback.OpenReplayConverter"/>}, or
 * use {@link OpenReplayPatternLayout} / {@link OpenReplayPatternLayoutEncoder}, which know the word already.
 */
public class OpenReplayConverter extends ClassicConverter {

  /** The conversion word this converter is registered under. */
  public static final String CONVERSION_WORD = "openReplay";

  private Generations generations = Generations.BOTH;

  /** Creates the converter; logback calls this for every occurrence of the word in a pattern. */
  public OpenReplayConverter() {
    super();
  }

  @Override
  public void start() {
    String option = getFirstOption();
    generations = Generations.parse(option);
    if (option != null && !option.isBlank() && !isKnown(option)) {
      addWarn("Unknown option [" + option + "] of %" + CONVERSION_WORD + ": expected G1, G2 or BOTH; writing both");
    }
    super.start();
  }

  private static boolean isKnown(String option) {
    String normalized = option.trim().toUpperCase(Locale.ROOT);
    for (Generations known : Generations.values()) {
      if (known.name().equals(normalized)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the generations this converter writes, as read from its option when it was started
   */
  public Generations getGenerations() {
    return generations;
  }

  @Override
  public String convert(ILoggingEvent event) {
    return OpenReplayPrefix.forEvent(event, generations);
  }
}
