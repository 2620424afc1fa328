package io.openreplay.backend.sample.demo;

import io.openreplay.backend.sample.web.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests the demo sends: for each session, every endpoint with the session's token; between sessions, the
 * same endpoints with no token and with a header value the contract refuses, so that a token leaking onto a pooled
 * thread would show in the counts.
 */
public final class DemoTraffic {

  /** The paths each session requests; all but the first produce one ERROR event each. */
  static final List<String> PATHS = List.of(Endpoints.HELLO, Endpoints.LOG_ERROR, Endpoints.THROW, Endpoints.TASK);

  /** The ERROR events each session's requests produce, so what OpenReplay should find for it. */
  public static final int ERRORS_PER_SESSION = 3;

  /**
   * Every log event each session's requests produce (one INFO, three ERROR): what OpenReplay G2 shows for the session
   * from Elasticsearch, whose G2 query has no level filter.
   */
  public static final int LOG_EVENTS_PER_SESSION = 4;

  /** A header value the contract refuses (markup); the request goes on without a token. */
  static final String REFUSED_VALUE = "<script>alert(1)</script>";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private int sent;

  /**
   * @param base the sample application's base URL
   */
  public DemoTraffic(URI base) {
    this.base = base;
  }

  /**
   * Sends every request, one after the other.
   *
   * @param sessions the sessions whose tokens go out
   * @return the number of requests sent
   * @throws IOException when a request cannot be sent
   * @throws InterruptedException when interrupted
   */
  public int send(List<DemoSession> sessions) throws IOException, InterruptedException {
    for (DemoSession session : sessions) {
      for (String path : PATHS) {
        get(path, session.header(), session.token());
        get(path, null, null);
      }
    }
    for (String path : PATHS) {
      get(path, "X-OpenReplay-SessionToken", REFUSED_VALUE);
    }
    return sent;
  }

  private void get(String path, String header, String value) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
    if (header != null) {
      request.header(header, value);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    sent++;
    if (response.statusCode() != expectedStatus(path)) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body().strip());
    }
  }

  private static int expectedStatus(String path) {
    return Endpoints.HELLO.equals(path) ? 200 : 500;
  }

  /**
   * @param sessions the sessions
   * @return the number of requests {@link #send(List)} makes for them
   */
  static int requestCount(List<DemoSession> sessions) {
    return PATHS.size() * (2 * sessions.size() + 1);
  }

  /**
   * @return a fresh list of what was sent, for the demo's summary
   */
  static List<String> describe(List<DemoSession> sessions) {
    List<String> lines = new ArrayList<>();
    for (DemoSession session : sessions) {
      lines.add(session.header() + ": " + session.token() + "  (session id " + session.sessionId() + ")");
    }
    return lines;
  }
}
