package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens in the format of OpenReplay's server ({@code backend/pkg/token/tokenizer.go}):
 * {@code base36(sessionId) "." base36(delayMs) "." base36(expiryMs) "." base58(HMAC-SHA256)}, signed here with a key
 * of the demo's own (OpenReplay's backend never checks the signature; it only reads the session id).
 */
public final class DemoTokens {

  /** The token of the contract's test vector, published in OpenReplay issue 1852. */
  public static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  /** The session id of {@link #CONTRACT_TOKEN}. */
  public static final String CONTRACT_SESSION_ID = "2618307011354435587";

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final long SMALLEST_SESSION_ID = 1_000_000_000_000_000_000L;

  private final Random random;
  private final byte[] key;

  /**
   * @param random where the session ids, delays and key come from
   */
  public DemoTokens(Random random) {
    this.random = random;
    this.key = new byte[32];
    random.nextBytes(key);
  }

  /**
   * @return tokens from a fresh secure random source
   */
  public static DemoTokens secure() {
    return new DemoTokens(new SecureRandom());
  }

  /**
   * Makes a token for a new session.
   *
   * @param nowMillis the current time, in epoch milliseconds; the token expires four hours later
   * @return the token, with the session id OpenReplay derives from it
   */
  public SessionToken next(long nowMillis) {
    long sessionId = SMALLEST_SESSION_ID + (random.nextLong() >>> 1) % (Long.MAX_VALUE - SMALLEST_SESSION_ID);
    long delayMillis = 1_000 + random.nextInt(9_000);
    long expiryMillis = nowMillis + 4 * 3_600_000L;
    String signed = Long.toString(sessionId, 36) + "." + Long.toString(delayMillis, 36) + "."
        + Long.toString(expiryMillis, 36);
    String token = signed + "." + base58(hmac(signed));
    return SessionToken.parse(token).orElseThrow(() -> new IllegalStateException("not a valid token: " + token));
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Bitcoin's base58, as OpenReplay's tokenizer writes the signature. */
  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] division = value.divideAndRemainder(base);
      out.append(BASE58.charAt(division[1].intValue()));
      value = division[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append(BASE58.charAt(0));
    }
    return out.reverse().toString();
  }
}
