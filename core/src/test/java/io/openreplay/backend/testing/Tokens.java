package io.openreplay.backend.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Test tokens of OpenReplay's shape, each with a known session id. */
public final class Tokens {

  /** The contract's test vector. */
  public static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  public static final String CONTRACT_ID = "2618307011354435587";

  private Tokens() {
  }

  /** A token of OpenReplay's shape for {@code sessionId}. */
  public static String forSession(long sessionId) {
    return Long.toString(sessionId, 36) + ".3az.lrraavgc.sig" + Long.toString(sessionId & 0xffff, 36) + "Xy";
  }

  /** A random positive session id. */
  public static long randomSessionId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE);
  }

  /** Values the contract rejects; also used by the container tests. */
  public static List<String> rejectedCorpus() {
    List<String> corpus = new ArrayList<>();
    corpus.add("");
    corpus.add("jw4wdfpgqhoj.3az\r.lrraavgc.sig");
    corpus.add("jw4wdfpgqhoj.3az.lrraavgc.sig\r\nX-Forged: 1");
    corpus.add("jw4wdfpgqhoj\n[ERROR] forged line");
    corpus.add("jw4wdfpgqhoj\u0000.3az");
    corpus.add("jw4wdfpgqhoj 3az");
    corpus.add(" jw4wdfpgqhoj.3az.lrraavgc.sig");
    corpus.add("\"jw4wdfpgqhoj\"");
    corpus.add("jw4wdfpgqhoj'");
    corpus.add("jw4wdfpgqhoj]");
    corpus.add("openReplaySessionToken=forged");
    corpus.add("jw4wdfpgqhoj.3az.lrraavgc.s\u00e9g");
    corpus.add("\u4f1a\u8bdd");
    corpus.add("<script>alert(1)</script>");
    corpus.add("{\"a\":1}");
    corpus.add("a".repeat(256 + 1));
    corpus.add("a".repeat(1024 * 1024));
    return corpus;
  }

}
