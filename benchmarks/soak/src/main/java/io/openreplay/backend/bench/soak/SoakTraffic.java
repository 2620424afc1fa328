package io.openreplay.backend.bench.soak;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client connection's requests to the application on 127.0.0.1, over a {@link KeptAliveConnection}. Request
 * {@code n} has a kind ({@link RequestKind#of(long)}) and a session of its own: a token of OpenReplay's shape whose
 * session id is {@value #FIRST_SESSION_ID} + n, sent in {@code X-OpenReplay-SessionToken} or
 * {@code X-OpenReplay-Session-Token}; one request in ten sends only the bare session id in {@code openReplaySession.id},
 * one in ten no OpenReplay header at all. Beside it, {@code X-Soak-Expect-Token} and {@code X-Soak-Expect-Session-Id}
 * tell the application what its events must carry. The answer must be 200 {@code done n}.
 */
final class SoakTraffic {

  /** The session id of request 0. */
  static final long FIRST_SESSION_ID = 7_300_000_000_000_000_000L;

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private final KeptAliveConnection connection;

  /**
   * @param port the application's port on 127.0.0.1
   */
  SoakTraffic(int port) {
    this.connection = new KeptAliveConnection(port);
  }

  /**
   * Sends request {@code n} and checks its answer.
   *
   * @param n the request's number
   * @return {@code null} when the answer is right, else what was wrong
   * @throws IOException when the connection breaks (the request is not sent again)
   */
  String send(long n) throws IOException {
    Map<String, String> request = new LinkedHashMap<>();
    String sessionId = Long.toString(FIRST_SESSION_ID + n);
    switch ((int) (n / RequestKind.values().length % 10)) {
      case 7 -> {
        // no OpenReplay header: every unit of work must see none
      }
      case 3 -> {
        request.put("openReplaySession.id", sessionId);
        request.put("X-Soak-Expect-Session-Id", sessionId);
      }
      default -> {
        String token = token(FIRST_SESSION_ID + n);
        request.put(n % 2 == 0 ? "X-OpenReplay-SessionToken" : "X-OpenReplay-Session-Token", token);
        request.put("X-Soak-Expect-Token", token);
        request.put("X-Soak-Expect-Session-Id", sessionId);
      }
    }
    KeptAliveConnection.Answer answer = connection.get("/work?kind=" + RequestKind.of(n).parameter() + "&n=" + n,
        request);
    String expected = "done " + n;
    if (answer.status() != 200 || !expected.equals(answer.body())) {
      return "request " + n + " answered " + answer.status() + " '" + answer.body() + "'";
    }
    return null;
  }

  /**
   * @return the application's {@code /soak/stats}, sent without any token
   * @throws IOException when it does not answer 200
   */
  String stats() throws IOException {
    KeptAliveConnection.Answer answer = connection.get("/soak/stats", Map.of());
    if (answer.status() != 200) {
      throw new IOException("/soak/stats answered " + answer.status());
    }
    return answer.body();
  }

  /** Closes the connection. */
  void close() {
    connection.close();
  }

  /** A token of OpenReplay's shape: base 36 session id, delay, expiry, and a 44-character signature. */
  private static String token(long sessionId) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder token = new StringBuilder(Long.toString(sessionId, 36)).append('.')
        .append(Long.toString(random.nextInt(-5000, 5000), 36)).append('.')
        .append(Long.toString(1_706_070_459_324L + random.nextInt(1_000_000), 36)).append('.');
    for (int i = 0; i < 44; i++) {
      token.append(BASE58.charAt(random.nextInt(BASE58.length())));
    }
    return token.toString();
  }
}
