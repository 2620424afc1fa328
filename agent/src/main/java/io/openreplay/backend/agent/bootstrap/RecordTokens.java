package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.lang.ref.WeakReference;

/**
 * The token of a {@code java.util.logging.LogRecord}, taken when the record is made, on the logging thread, so that
 * a formatter that renders it later or on another thread (an asynchronous handler such as Tomcat's
 * {@code AsyncFileHandler}) still finds it. The JDK's record cannot get a field, and its message and parameters are
 * the application's, so the token is kept here, beside the record.
 *
 * <p>Only records that the prefix mode selects are kept (by default those of level {@code WARNING} and above made
 * while a token is current). The table is bounded and takes no lock: a record holds a slot chosen by its identity
 * hash, held weakly, and a later record of the same slot takes it over. A record whose slot was taken over before it
 * was rendered is rendered without the prefix: never with another record's token, since a slot is only read for
 * the very record it holds.
 */
public final class RecordTokens {

  /** {@code java.util.logging.Level.WARNING}'s value (and JBoss LogManager's {@code WARN}). */
  public static final int WARNING = 900;

  private static final int SLOTS = 4096;
  private static final Slot[] TABLE = new Slot[SLOTS];

  private RecordTokens() {
  }

  /**
   * Called as a record is made: keeps the current token for it, when the prefix mode selects its level.
   *
   * @param record the record, possibly {@code null}
   * @param level the record's level value
   */
  public static void created(Object record, int level) {
    SessionToken token = CurrentToken.get();
    if (token == null || record == null || !AgentSettings.prefixMode().applies(level >= WARNING)) {
      return;
    }
    TABLE[slot(record)] = new Slot(record, token);
  }

  /**
   * The rendered message of a record: the prefix and the message, when the record was made with a token.
   *
   * @param record the record being rendered, possibly {@code null}
   * @param level the record's level value
   * @param message the message as the formatter rendered it, possibly {@code null}
   * @return the message to render
   */
  public static String rendered(Object record, int level, String message) {
    if (record == null || message == null) {
      return message;
    }
    Slot slot = TABLE[slot(record)];
    if (slot == null || slot.get() != record) {
      return message;
    }
    return RenderedPrefix.prefixedText(slot.token, level >= WARNING, message);
  }

  private static int slot(Object record) {
    int hash = System.identityHashCode(record);
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  /** A record, held weakly, and its token. */
  private static final class Slot extends WeakReference<Object> {
    private final SessionToken token;

    Slot(Object record, SessionToken token) {
      super(record);
      this.token = token;
    }
  }
}
