package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two real services with only {@code -javaagent}: an upstream Spring Boot app (apps/outbound) whose allow-list
 * ({@code -Dopenreplay.propagation.hosts}) names the downstream one, 127.0.0.1 on its port, and calls it through each
 * HTTP client while serving a request; the downstream app, the same code with the agent and no allow-list, logs an
 * ERROR and answers the token header it received. For every client:
 *
 * <ul>
 *   <li>the downstream ERROR line carries the upstream request's token (prefix and MDC keys), and the header arrives
 *       once, with exactly the token; a request that came with a bare session id forwards that id;</li>
 *   <li>a call to a host off the list (the testkit's {@link TokenHeaderReceiver} on 127.0.0.1, on another port, in
 *       this JVM) arrives without it;</li>
 *   <li>a call made while serving a request without a token, or with a header that fails the token rule, carries
 *       none;</li>
 *   <li>a header the application sets itself is sent as it set it, once, never replaced or doubled;</li>
 *   <li>a redirect the client follows is judged again: to a host off the list it goes without the header, to a
 *       listed one with it (but for java.net.http and Apache HttpClient 5's async client, whose redirects are
 *       sent from their own threads, where no token is current);</li>
 *   <li>a service with the agent and no allow-list sends the token nowhere.</li>
 * </ul>
 */
class OutboundAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.outbound.OutboundApp";
  private static final String HEADER = ContainerAgentTest.HEADER;

  /** The clients of apps/outbound's {@code Clients}. */
  private static final List<String> CLIENTS = List.of("java-http-client", "java-http-client-following",
      "url-connection", "apache-classic", "apache-async", "okhttp", "okhttp-async", "rest-template",
      "rest-template-apache", "rest-client", "rest-client-jdk", "web-client");

  /**
   * The clients among {@link #FOLLOWING} whose redirects are sent from their own I/O or executor threads, where no
   * token is current: a redirect goes without the header even to a listed host.
   */
  private static final List<String> REDIRECTED_FROM_IO_THREADS = List.of("java-http-client-following",
      "apache-async");

  /** The clients that follow redirects themselves. */
  private static final List<String> FOLLOWING = List.of("java-http-client-following", "url-connection",
      "apache-classic", "apache-async", "okhttp", "okhttp-async", "rest-template", "rest-template-apache",
      "rest-client");

  private static ForkedApp downstream;
  private static ForkedApp upstream;
  private static TokenHeaderReceiver receiver;

  /** The app on {@code port}, 0 for any: the downstream one's port is chosen first, so both start at once. */
  static ForkedApp.Launch launch(int port) {
    return launch("outbound", port);
  }

  /**
   * The outbound app built as module {@code app} of agent-it/apps, on {@code port}; started lazily and with the
   * client compiler only, as these short runs need no more.
   */
  static ForkedApp.Launch launch(String app, int port) {
    return ForkedApp.app(app, MAIN)
        .jvmOption("-XX:TieredStopAtLevel=1")
        .argument("--spring.main.lazy-initialization=true")
        .argument("--server.port=" + port)
        .argument("--server.address=127.0.0.1")
        .argument("--spring.main.banner-mode=off");
  }

  @BeforeAll
  static void start() throws Exception {
    receiver = TokenHeaderReceiver.start();
    int downstreamPort = freePort();
    CompletableFuture<ForkedApp> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return launch(downstreamPort).start();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      upstream = launch(0).property("openreplay.propagation.hosts", "127.0.0.1:" + downstreamPort).start();
    } finally {
      downstream = starting.get(3, TimeUnit.MINUTES);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (upstream != null) {
      upstream.close();
    }
    if (downstream != null) {
      downstream.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void everyClientCarriesTheTokenToTheListedServiceWhoseErrorLineCarriesIt() throws Exception {
    List<Session> sessions = new ArrayList<>();
    for (String client : CLIENTS) {
      Session session = Session.next();
      sessions.add(session);
      HttpResponse<String> answer = call(upstream, client, downstreamEcho(session.marker()), null,
          HEADER, session.token());
      assertEquals(200, answer.statusCode(), () -> client + ": " + answer.body());
      assertEquals(session.token(), answer.body(), () -> client + " sends the token header once, as received");
    }
    for (int i = 0; i < CLIENTS.size(); i++) {
      Session session = sessions.get(i);
      List<JsonNode> line = downstream.log().await(messageContains("outbound echo id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, line.size(), CLIENTS.get(i));
      ContainerAgentTest.assertCarries(line.get(0), session, true);
    }
  }

  @Test
  void aBareSessionIdIsForwardedAsItCame() throws Exception {
    for (String client : CLIENTS) {
      Session session = Session.next();
      HttpResponse<String> answer = call(upstream, client, downstreamEcho(session.marker()), null,
          "openReplaySession.id", session.sessionId());
      assertEquals(session.sessionId(), answer.body(), () -> client + " forwards the bare session id");
      List<JsonNode> line = downstream.log().await(messageContains("outbound echo id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, line.size(), client);
      assertEquals(session.sessionId(), AppLog.text(line.get(0), ContainerAgentTest.SESSION_ID_KEY), client);
      assertNull(AppLog.text(line.get(0), ContainerAgentTest.TOKEN_KEY), client);
    }
  }

  @Test
  void aHostOffTheListGetsNoHeader() throws Exception {
    assertTheReceiverGetsNoHeaderFrom(upstream, "off the list");
  }

  @Test
  void aRedirectIsJudgedAgainSoAHostOffTheListGetsNoHeader() throws Exception {
    for (String client : FOLLOWING) {
      Session session = Session.next();
      String path = "/away/" + session.marker();
      String away = "http://127.0.0.1:" + downstream.port() + "/redirect?to="
          + URLEncoder.encode(receiver.url("127.0.0.1", path), StandardCharsets.UTF_8);
      HttpResponse<String> answer = call(upstream, client, away, null, HEADER, session.token());
      assertEquals("ok", answer.body(), () -> client + " followed the redirect");
      assertEquals(List.of(), receiver.awaitCall(path).tokens(), () -> client + " sends no header off the list");

      if (!REDIRECTED_FROM_IO_THREADS.contains(client)) {
        String marker = "r" + session.marker();
        String back = "http://127.0.0.1:" + downstream.port() + "/redirect?to="
            + URLEncoder.encode(downstreamEcho(marker), StandardCharsets.UTF_8);
        assertEquals(session.token(), call(upstream, client, back, null, HEADER, session.token()).body(),
            () -> client + " carries the token on to a listed host, once");
      }
    }
  }

  @Test
  void aRequestWithoutAValidTokenForwardsNothing() throws Exception {
    for (String client : CLIENTS) {
      String tokenless = "n" + System.nanoTime();
      HttpResponse<String> none = call(upstream, client, downstreamEcho(tokenless), null);
      assertEquals("", none.body(), () -> client + " sends no header without a token");
      String invalid = "i" + System.nanoTime();
      HttpResponse<String> bad = call(upstream, client, downstreamEcho(invalid), null,
          HEADER, "not a token;<b>", "X-OpenReplay-Session-Id", "12 34");
      assertEquals("", bad.body(), () -> client + " never forwards an invalid header");
      for (String marker : List.of(tokenless, invalid)) {
        List<JsonNode> line = downstream.log().await(messageContains("outbound echo id=" + marker), 1,
            ContainerAgentTest.WAIT);
        assertEquals(1, line.size(), client);
        ContainerAgentTest.assertCarriesNothing(line.get(0));
      }
    }
  }

  @Test
  void theApplicationsOwnHeaderIsSentAsItSetItOnce() throws Exception {
    for (String client : CLIENTS) {
      Session session = Session.next();
      String own = "own-" + session.marker();
      HttpResponse<String> answer = call(upstream, client, downstreamEcho(session.marker()), own,
          HEADER, session.token());
      assertEquals(own, answer.body(), () -> client + " keeps the application's own header, once");
    }
  }

  @Test
  void withoutAnAllowListTheTokenGoesNowhere() throws Exception {
    assertTheReceiverGetsNoHeaderFrom(downstream, "with the list empty");
  }

  /** Each client of {@code app} calls the receiver while serving a request with a token: no header arrives. */
  private static void assertTheReceiverGetsNoHeaderFrom(ForkedApp app, String why) throws Exception {
    for (String client : CLIENTS) {
      Session session = Session.next();
      String path = "/off/" + session.marker();
      HttpResponse<String> answer =
          call(app, client, receiver.url("127.0.0.1", path), null, HEADER, session.token());
      assertEquals(200, answer.statusCode(), () -> client + ": " + answer.body());
      assertEquals(List.of(), receiver.awaitCall(path).tokens(), () -> client + " sends no header " + why);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String downstreamEcho(String marker) {
    return "http://127.0.0.1:" + downstream.port() + "/echo?id=" + marker;
  }

  /** Has {@code app} GET {@code url} through {@code client} while serving a request with {@code headers}. */
  static HttpResponse<String> call(ForkedApp app, String client, String url, String preset,
      String... headers) throws IOException, InterruptedException {
    String path = "/call?client=" + client + "&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
        + (preset == null ? "" : "&preset=" + URLEncoder.encode(preset, StandardCharsets.UTF_8));
    return app.get(path, headers);
  }
}
