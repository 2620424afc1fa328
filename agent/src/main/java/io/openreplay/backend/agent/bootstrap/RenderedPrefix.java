package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.MessagePrefix;
import io.openreplay.backend.SessionToken;
import java.util.Map;

/**
 * The prefix {@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] } in rendered log text: a pattern
 * layout's {@code %msg} and a JSON encoder's {@code message}, where CloudWatch, Elasticsearch and the other
 * message-based lookups read it. The logging event itself keeps its message, so error trackers that group by the
 * message template (Sentry, Rollbar) see what they see without the agent.
 *
 * <p>Within one pass of a pattern layout over an event the prefix is written once: where the layout also has the
 * {@code openreplay-logback} library's {@code %openReplay}, whichever of the two comes first writes it.
 */
public final class RenderedPrefix {

  private static final int NO_PASS = 0;
  private static final int NOTHING_WRITTEN = 1;
  private static final int AGENT_WROTE = 2;
  private static final int LIBRARY_WROTE = 3;

  private static final ThreadLocal<int[]> PASS = new PassState();

  private RenderedPrefix() {
  }

  /**
   * The prefix for the rendered message of an event, from the token its MDC map carries.
   *
   * @param mdc the event's MDC map, possibly {@code null}
   * @param error whether the event is of level ERROR or above
   * @return the prefix, or {@code null} when the event carries no token, the prefix mode does not select it, or
   *     this layout pass has written the prefix already
   */
  public static String forMessage(Map<String, String> mdc, boolean error) {
    if (!AgentSettings.prefixMode().applies(error)) {
      return null;
    }
    return forToken(TokenKeys.fromMap(mdc));
  }

  /**
   * The rendered text of a message that a record of a logging library without pattern converters carries
   * ({@code java.util.logging}'s {@code Formatter.formatMessage}, JBoss LogManager's formatters): the prefix and the
   * text, written once per layout pass where one is open.
   *
   * @param token the record's token, possibly {@code null}
   * @param error whether the record's level is one that the prefix mode's {@code errors} selects
   * @param text the rendered message, possibly {@code null}
   * @return the text with the prefix, or {@code text} itself when it is {@code null}, carries a prefix already, the
   *     record has no token, the prefix mode does not select it, or this pass has written the prefix already
   */
  public static String prefixedText(SessionToken token, boolean error, String text) {
    if (text == null || MessagePrefix.isPrefixed(text) || !AgentSettings.prefixMode().applies(error)) {
      return text;
    }
    String prefix = forToken(token);
    return prefix == null ? text : prefix + text;
  }

  /**
   * @return whether a layout pass is open on this thread (a formatter is rendering a record)
   */
  public static boolean inPass() {
    return PASS.get()[0] != NO_PASS;
  }

  /** The prefix of {@code token}, unless this pass has written it already; marks the pass written. */
  private static String forToken(SessionToken token) {
    if (token == null) {
      return null;
    }
    int[] pass = PASS.get();
    if (pass[0] == AGENT_WROTE || pass[0] == LIBRARY_WROTE) {
      return null;
    }
    String prefix = TokenKeys.prefix(token);
    if (pass[0] == NOTHING_WRITTEN && !prefix.isEmpty()) {
      pass[0] = AGENT_WROTE;
    }
    return prefix.isEmpty() ? null : prefix;
  }

  /**
   * The text of a JSON encoder's message field for an event: the prefix and the message.
   *
   * @param fieldName the field's name as configured, possibly {@code null} or {@code [ignore]}
   * @param message the event's formatted message, possibly {@code null}
   * @param mdc the event's MDC map, possibly {@code null}
   * @param error whether the event is of level ERROR or above
   * @return the text to write, or {@code null} when the encoder should write the field as it always does
   */
  public static String messageField(String fieldName, String message, Map<String, String> mdc, boolean error) {
    if (fieldName == null || message == null || "[ignore]".equals(fieldName)) {
      return null;
    }
    String prefix = forMessage(mdc, error);
    return prefix == null ? null : prefix + message;
  }

  /**
   * What the library's {@code %openReplay} writes, seen by the agent: nothing when the agent has written the prefix
   * in this layout pass already.
   *
   * @param libraryPrefix what the library would write, possibly empty
   * @return what it writes
   */
  public static String fromLibrary(String libraryPrefix) {
    if (libraryPrefix == null || libraryPrefix.isEmpty()) {
      return libraryPrefix;
    }
    int[] pass = PASS.get();
    if (pass[0] == AGENT_WROTE) {
      return "";
    }
    if (pass[0] == NOTHING_WRITTEN) {
      pass[0] = LIBRARY_WROTE;
    }
    return libraryPrefix;
  }

  /**
   * A pattern layout begins a pass over one event.
   *
   * @return the state to give back to {@link #passEnds(int)}
   */
  public static int passBegins() {
    int[] pass = PASS.get();
    int outer = pass[0];
    pass[0] = NOTHING_WRITTEN;
    return outer;
  }

  /**
   * The pass ends; an outer pass, if any, goes on.
   *
   * @param outer what {@link #passBegins()} returned
   */
  public static void passEnds(int outer) {
    PASS.get()[0] = outer;
  }

  /** The state of this thread's layout pass; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class PassState extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[] {NO_PASS};
    }
  }
}
