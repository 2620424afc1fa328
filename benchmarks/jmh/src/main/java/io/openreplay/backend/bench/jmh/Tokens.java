package io.openreplay.backend.bench.jmh;

import io.openreplay.backend.SessionToken;
import java.util.HashMap;
import java.util.Map;

/** The token the benchmarks carry: the contract's test vector, and the MDC a request thread has with it. */
final class Tokens {

  /** A real OpenReplay session token (the contract's test vector). */
  static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  private Tokens() {
  }

  /**
   * @return the MDC map of a thread that the filter attached the token to: both keys, as logback copies it into an
   *     event
   */
  static Map<String, String> mdcWithToken() {
    SessionToken token = SessionToken.parse(CONTRACT_TOKEN).orElseThrow();
    Map<String, String> mdc = new HashMap<>();
    mdc.put(SessionToken.TOKEN_KEY, token.token());
    mdc.put(SessionToken.SESSION_ID_KEY, token.sessionId());
    return mdc;
  }
}
