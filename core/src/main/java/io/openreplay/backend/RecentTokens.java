package io.openreplay.backend;

/**
 * The tokens of the header values parsed last, so that the requests of one browser session, which all carry the
 * same value, are recognised by comparing the value instead of checking it character by character and deriving the
 * session id again.
 *
 * <p>A fixed table of {@value #SLOTS} slots, chosen by the value's length and three of its characters: a value
 * evicts whatever shared its slot. Only values that passed the rule are kept, each beside the immutable token made
 * of it, so a value equal to a kept one has that token. Its memory is bounded (one value and one token a slot), and
 * hostile values can cost at most the parse they would cost anyway.
 *
 * <p>Thread-safe without locks: slots are read and written racily, and an entry's fields are final, so a reader sees
 * either an older entry or a complete newer one.
 */
final class RecentTokens {

  /** The number of slots, a power of two. */
  static final int SLOTS = 256;

  private final Entry[] slots = new Entry[SLOTS];

  /**
   * The token of a value kept here.
   *
   * @param value a value of 1 to {@value SessionToken#MAX_LENGTH} characters
   * @return its token, or {@code null} when the value is not kept
   */
  SessionToken find(CharSequence value) {
    Entry entry = slots[slot(value)];
    return entry != null && entry.value.contentEquals(value) ? entry.token : null;
  }

  /**
   * Keeps a value that passed the rule beside its token.
   *
   * @param value the value
   * @param token the token parsed from it
   */
  void keep(String value, SessionToken token) {
    slots[slot(value)] = new Entry(value, token);
  }

  private static int slot(CharSequence value) {
    int length = value.length();
    int mixed = ((length * 31 + value.charAt(length - 1)) * 31 + value.charAt(length >> 1)) * 31 + value.charAt(0);
    return (mixed ^ (mixed >>> 8)) & (SLOTS - 1);
  }

  /** A kept value and its token. */
  private static final class Entry {
    final String value;
    final SessionToken token;

    Entry(String value, SessionToken token) {
      this.value = value;
      this.token = token;
    }
  }
}
