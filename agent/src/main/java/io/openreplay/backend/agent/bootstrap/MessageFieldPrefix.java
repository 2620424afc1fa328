package io.openreplay.backend.agent.bootstrap;

/**
 * The prefix of the event a structured layout is writing, for the writer of its message field: Log4j 2's Jackson
 * layouts ({@code JsonLayout}, {@code XmlLayout}, {@code YamlLayout}) read the token where they see the whole event
 * and write the message in a serializer that sees only the {@code Message}. The layout's pass holds the prefix; the
 * first message written within the pass takes it, so that it is written once per rendering.
 */
public final class MessageFieldPrefix {

  /** This thread's pending prefix, {@code null} when there is none. */
  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private MessageFieldPrefix() {
  }

  /**
   * A layout begins writing an event.
   *
   * @param prefix the event's prefix, or {@code null} when it gets none
   * @return the prefix still pending in an outer pass, to give back to {@link #passEnds(String)}
   */
  public static String passBegins(String prefix) {
    String outer = PENDING.get();
    if (prefix != null || outer != null) {
      PENDING.set(prefix);
    }
    return outer;
  }

  /**
   * The writer of the message field takes the prefix: it gets it once per pass.
   *
   * @return the prefix to write in front of the message, or {@code null}
   */
  public static String take() {
    String prefix = PENDING.get();
    if (prefix != null) {
      PENDING.set(null);
    }
    return prefix;
  }

  /**
   * The pass ends; an outer pass, if any, goes on.
   *
   * @param outer what {@link #passBegins(String)} returned
   */
  public static void passEnds(String outer) {
    if (outer != null || PENDING.get() != null) {
      PENDING.set(outer);
    }
  }
}
