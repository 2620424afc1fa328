package io.openreplay.backend.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The soak's requests to the application on 127.0.0.1, over the kept-alive HTTP/1.1 connections of one JDK
 * {@code HttpClient}. Request {@code n} has a kind ({@link RequestKind#of(long)}) and a session of its own: a token of
 * OpenReplay's shape whose session id is {@value #FIRST_SESSION_ID} + n, sent in {@code X-OpenReplay-SessionToken} or
 * {@code X-OpenReplay-Session-Token}; one request in ten sends only the bare session id in {@code openReplaySession.id},
 * one in ten no OpenReplay header at all. Beside it, {@code X-Soak-Expect-Token} and {@code X-Soak-Expect-Session-Id}
 * tell the application what its events must carry. The answer must be 200 {@code done n}.
 */
final class SoakTraffic {

  /** The session id of request 0. */
  static final long FIRST_SESSION_ID = 7_300_000_000_000_000_000L;

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final URI base;

  /**
   * @param port the application's port on 127.0.0.1
   */
  SoakTraffic(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Sends request {@code n} and checks its answer.
   *
   * @param n the request's number
   * @return {@code null} when the answer is right, else what was wrong
   * @throws IOException when the request cannot be sent
   * @throws InterruptedException when interrupted
   */
  String send(long n) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        base.resolve("/work?kind=" + RequestKind.of(n).parameter() + "&n=" + n)).timeout(TIMEOUT);
    String sessionId = Long.toString(FIRST_SESSION_ID + n);
    switch ((int) (n / RequestKind.values().length % 10)) {
      case 7 -> {
        // no OpenReplay header: every unit of work must see none
      }
      case 3 -> request.header("openReplaySession.id", sessionId).header("X-Soak-Expect-Session-Id", sessionId);
      default -> {
        String token = token(FIRST_SESSION_ID + n);
        request.header(n % 2 == 0 ? "X-OpenReplay-SessionToken" : "X-OpenReplay-Session-Token", token)
            .header("X-Soak-Expect-Token", token)
            .header("X-Soak-Expect-Session-Id", sessionId);
      }
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String expected = "done " + n;
    if (response.statusCode() != 200 || !expected.equals(response.body())) {
      return "request " + n + " answered " + response.statusCode() + " '" + response.body() + "'";
    }
    return null;
  }

  /**
   * @return the application's {@code /soak/stats}, sent without any token
   * @throws IOException when it does not answer 200
   * @throws InterruptedException when interrupted
   */
  String stats() throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/soak/stats"))
        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/soak/stats answered " + response.statusCode());
    }
    return response.body();
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
