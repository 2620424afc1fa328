package io.openreplay.backend.bench.soakapp;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.Layout;
import java.util.Map;

/**
 * The soak's oracle, a logback appender on the units' logger: for each unit's event (its arguments are the unit, the
 * expected token and the expected session id, see {@link Units}) it reads the two MDC keys the agent or the logback
 * outlet put into the event, renders the event with the configured layout (a plain {@code %msg} pattern for the
 * agent, {@code %openReplay%msg} for the library) and reads the prefix of the rendered line, and has
 * {@link TokenTally} count what does not match. It runs on the logging thread, so it sees what a synchronous
 * appender of the application sees.
 */
public final class TokenCheckAppender extends AppenderBase<ILoggingEvent> {

  /** The MDC key and prefix name of the token (OpenReplay up to 1.20). */
  static final String TOKEN_KEY = "openReplaySessionToken";
  /** The MDC key and prefix name of the session id (OpenReplay 1.21 and later). */
  static final String SESSION_ID_KEY = "openReplaySession.id";

  private static final String TOKEN_PREFIX = "[" + TOKEN_KEY + "=";
  private static final String SESSION_ID_PREFIX = "[" + SESSION_ID_KEY + "=";

  private Layout<ILoggingEvent> layout;

  /** Creates the appender; logback sets its layout. */
  public TokenCheckAppender() {
    super();
  }

  /**
   * @param layout the layout whose rendering is checked
   */
  public void setLayout(Layout<ILoggingEvent> layout) {
    this.layout = layout;
  }

  @Override
  public void start() {
    if (layout == null) {
      addError("no layout for appender " + getName());
      return;
    }
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    Object[] arguments = event.getArgumentArray();
    if (arguments == null || arguments.length != Units.ARGUMENTS) {
      return;
    }
    Expectation expected = new Expectation(String.valueOf(arguments[1]), String.valueOf(arguments[2]));
    Map<String, String> mdc = event.getMDCPropertyMap();
    String line = layout.doLayout(event);
    TokenTally.Seen seen = new TokenTally.Seen(mdc.get(TOKEN_KEY), mdc.get(SESSION_ID_KEY),
        prefixValue(line, TOKEN_PREFIX), prefixValue(line, SESSION_ID_PREFIX));
    TokenTally.record(String.valueOf(arguments[0]), expected, seen, occurrences(line, SESSION_ID_PREFIX), line);
  }

  private static String prefixValue(String line, String start) {
    int at = line.indexOf(start);
    if (at < 0) {
      return null;
    }
    int from = at + start.length();
    int end = line.indexOf(']', from);
    return end < 0 ? line.substring(from) : line.substring(from, end);
  }

  private static int occurrences(String line, String part) {
    int count = 0;
    for (int at = line.indexOf(part); at >= 0; at = line.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
