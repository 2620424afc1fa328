package io.openreplay.backend.agent.bootstrap;

/**
 * The prefix of the event a structured layout is writing, for the writer of its message field: Log4j 2's Jackson
 * layouts ({@code JsonLayout}, {@code XmlLayout}, {@code YamlLayout}) read the token where they see the whole event
 * and write the message in a serializer that sees only the {@code Message}. The layout's pass holds the prefix; the
 * first message written within the pass takes it, so that it is written once per rendering.
 */
public final class MessageFieldPrefix {

  private static final ThreadLocal<String[]> PENDING = new Pending();

  private MessageFieldPrefix() {
  }

  /**
   * A layout begins writing an event.
   *
   * @param prefix the event's prefix, or {@code null} when it gets none
   * @return the prefix of an outer pass, to give back to {@link #passEnds(String)}
   */
  public static String passBegins(String prefix) {
    String[] pending = PENDING.get();
    String outer = pending[0];
    pending[0] = prefix;
    return outer;
  }

  /**
   * The writer of the message field takes the prefix: it gets it once per pass.
   *
   * @return the prefix to write in front of the message, or {@code null}
   */
  public static String take() {
    String[] pending = PENDING.get();
    String prefix = pending[0];
    pending[0] = null;
    return prefix;
  }

  /**
   * The pass ends; an outer pass, if any, goes on.
   *
   * @param outer what {@link #passBegins(String)} returned
   */
  public static void passEnds(String outer) {
    PENDING.get()[0] = outer;
  }

  /** This thread's pending prefix; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class Pending extends ThreadLocal<String[]> {
    @Override
    protected String[] initialValue() {
      return new String[1];
    }
  }
}
