package io.openreplay.backend.it;

import java.util.concurrent.ThreadLocalRandom;

/** Tokens of OpenReplay's shape, each with its own session id. */
final class TestTokens {

  /** The real token of OpenReplay issue 1852, from the contract. */
  static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  /** Its session id. */
  static final String CONTRACT_SESSION_ID = "2618307011354435587";

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private TestTokens() {
  }

  /** A token whose session id is {@code sessionId}. */
  static String token(long sessionId) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder signature = new StringBuilder();
    for (int i = 0; i < 44; i++) {
      signature.append(BASE58.charAt(random.nextInt(BASE58.length())));
    }
    return Long.toUnsignedString(sessionId, 36) + "." + Long.toString(random.nextInt(-5000, 5000), 36) + "."
        + Long.toString(1_706_070_459_324L + random.nextInt(1_000_000), 36) + "." + signature;
  }
}
