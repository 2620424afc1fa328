package io.openreplay.backend.testkit.outbound;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundClient.OutboundCall;
import java.util.List;
import java.util.Objects;

/**
 * What every outbound integration must do, checked over real sockets against a {@link TokenHeaderReceiver} reached
 * as {@code localhost} (on the allow-list) and as {@code 127.0.0.1} (not on it): the token of the request being
 * served, and only it, goes to an allowed host; nothing goes to another host, nor without a token, nor with the
 * default (empty) list; a header the application set itself stays as it is, once. Throws {@link AssertionError} at
 * the first difference.
 */
public final class OutboundPropagationCheck {

  /** The contract's test token. */
  public static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  /** A bare session id, forwarded as it is. */
  public static final String SESSION_ID = "2618307011354435587";

  private OutboundPropagationCheck() {
  }

  /**
   * Runs every case against a fresh receiver.
   *
   * @param client the client under test
   * @throws Exception when a call fails
   * @throws AssertionError when a call carried what it must not, or lacked what it must carry
   */
  public static void run(OutboundClient client) throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      OutboundCall allowingLocalhost = client.with(OutboundHosts.of("localhost:" + receiver.port()));
      expect(receiver, "/allowed", TOKEN, () -> allowingLocalhost.get(receiver.url("localhost", "/allowed"), null),
          TOKEN, "the token to a host on the list");
      expect(receiver, "/bare-id", SESSION_ID,
          () -> allowingLocalhost.get(receiver.url("localhost", "/bare-id"), null), SESSION_ID,
          "a bare session id to a host on the list");
      expect(receiver, "/other-host", TOKEN,
          () -> allowingLocalhost.get(receiver.url("127.0.0.1", "/other-host"), null), null,
          "nothing to a host not on the list (127.0.0.1 where localhost is listed)");
      expect(receiver, "/no-token", null, () -> allowingLocalhost.get(receiver.url("localhost", "/no-token"), null),
          null, "nothing while no token is current");
      expect(receiver, "/own-header", TOKEN,
          () -> allowingLocalhost.get(receiver.url("localhost", "/own-header"), "own.value"), "own.value",
          "the application's own header, as it set it and once");
      OutboundCall otherPort = client.with(OutboundHosts.of("localhost:" + (receiver.port() == 1 ? 2 : 1)));
      expect(receiver, "/other-port", TOKEN, () -> otherPort.get(receiver.url("localhost", "/other-port"), null),
          null, "nothing to a listed host on another port");
      OutboundCall defaults = client.with(null);
      expect(receiver, "/default-list", TOKEN, () -> defaults.get(receiver.url("localhost", "/default-list"), null),
          null, "nothing with the default list, which is empty");
      expect(receiver, "/default-list-127", TOKEN,
          () -> defaults.get(receiver.url("127.0.0.1", "/default-list-127"), null), null,
          "nothing with the default list, which is empty, to 127.0.0.1 either");
    }
  }

  private static void expect(TokenHeaderReceiver receiver, String path, String current, Call call, String expected,
      String what) throws Exception {
    if (current == null) {
      call.run();
    } else {
      try (ContextScope scope = OpenReplayContext.attach(SessionToken.parse(current).orElseThrow())) {
        call.run();
      }
    }
    List<String> tokens = receiver.awaitCall(path).tokens();
    assertEquals(expected == null ? List.of() : List.of(expected), tokens, what);
  }

  private static void assertEquals(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }
}
