package io.openreplay.backend.log4j2;

import io.openreplay.backend.Generations;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The Log4j 2 pattern converter {@code %openReplay}: prints {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] }
 * when the event carries an OpenReplay token in its context data, and nothing otherwise. Put it right before
 * {@code %m}, so that the message a log store indexes starts with what OpenReplay searches for.
 *
 * <p>The option narrows the output to one generation: {@code %openReplay{G1}} prints only the token (OpenReplay up to
 * 1.20), {@code %openReplay{G2}} only the session id (1.21 and later), {@code %openReplay} and
 * {@code %openReplay{BOTH}} print both. An option that is none of these is reported as a Log4j status warning and
 * both are printed.
 *
 * <p>A plugin: Log4j finds it by itself when the jar is on the class path; nothing to register.
 */
@Plugin(name = "OpenReplayPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({OpenReplayPatternConverter.CONVERSION_WORD})
public final class OpenReplayPatternConverter extends LogEventPatternConverter {

  /** The conversion word this converter is registered under. */
  public static final String CONVERSION_WORD = "openReplay";

  private final Generations generations;

  private OpenReplayPatternConverter(Generations generations) {
    super(CONVERSION_WORD, CONVERSION_WORD);
    this.generations = generations;
  }

  /**
   * Called by Log4j's pattern parser for every {@code %openReplay} in a pattern.
   *
   * @param options the options in braces, possibly {@code null} or empty
   * @return the converter
   */
  public static OpenReplayPatternConverter newInstance(String[] options) {
    String option = options == null || options.length == 0 ? null : options[0];
    Generations generations = Generations.parse(option);
    // parse answers BOTH for what it does not know: an option that does not name what it gave is unknown
    if (option != null && !option.isBlank() && !generations.name().equalsIgnoreCase(option.trim())) {
      StatusLogger.getLogger().warn("Unknown option [{}] of %{}: expected G1, G2 or BOTH; writing both", option,
          CONVERSION_WORD);
    }
    return new OpenReplayPatternConverter(generations);
  }

  /**
   * @return the generations this converter writes, as read from its option
   */
  public Generations getGenerations() {
    return generations;
  }

  @Override
  public void format(LogEvent event, StringBuilder toAppendTo) {
    toAppendTo.append(LogEventPrefix.of(event, generations));
  }
}
