package io.openreplay.backend.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.httpclient.RenderedErrors.Rendered;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Two services, each a Jetty 12 with {@link OpenReplayFilter} on 127.0.0.1. The upstream one serves a request that
 * carries a token and, while serving it, calls the downstream one (as {@code localhost}, the only host of its list)
 * and a third party (as {@code 127.0.0.1}, not on the list) through {@link OpenReplayHttpClient}. The downstream one
 * fails and logs an ERROR through logback: that ERROR carries the browser session's token, in its MDC keys and in
 * the line {@code %openReplay} renders, while the third party got no header at all.
 */
class TwoServicesTest {

  private static final String TOKEN = OutboundPropagationCheck.TOKEN;
  private static final String SESSION_ID = OutboundPropagationCheck.SESSION_ID;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String DOWNSTREAM_LOGGER = "downstream.payments";

  private static Server downstream;
  private static Server upstream;
  private static TokenHeaderReceiver thirdParty;
  private static RenderedErrors errors;

  @BeforeAll
  static void start() throws Exception {
    errors = RenderedErrors.of(DOWNSTREAM_LOGGER);
    thirdParty = TokenHeaderReceiver.start();
    downstream = serve(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoggerFactory.getLogger(DOWNSTREAM_LOGGER).error("card declined for order {}", request.getParameter("order"));
        response.sendError(502, "card declined");
      }
    });
    HttpClient client = OpenReplayHttpClient.wrap(HttpClient.newBuilder().connectTimeout(WAIT).build(),
        OutboundHosts.of("localhost:" + port(downstream)));
    upstream = serve(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String order = request.getParameter("order");
        int payment = send(client, "http://localhost:" + port(downstream) + "/pay?order=" + order);
        int analytics = send(client, thirdParty.url("127.0.0.1", "/collect-" + order));
        response.getWriter().print(payment + " " + analytics);
      }
    });
  }

  @AfterAll
  static void stop() throws Exception {
    for (Server server : new Server[] {upstream, downstream}) {
      if (server != null) {
        server.stop();
      }
    }
    if (thirdParty != null) {
      thirdParty.close();
    }
  }

  @Test
  void theDownstreamErrorCarriesTheBrowserSessionAndTheThirdPartyGetsNoHeader() throws Exception {
    assertEquals("502 200", checkout("o1", TOKEN));

    Rendered error = awaitError("o1");
    assertEquals(Map.of("openReplaySessionToken", TOKEN, "openReplaySession.id", SESSION_ID), error.mdc());
    assertEquals("ERROR " + DOWNSTREAM_LOGGER + " - [openReplaySessionToken=" + TOKEN + "] [openReplaySession.id="
        + SESSION_ID + "] card declined for order o1", error.line());
    assertEquals(List.of(), thirdParty.awaitCall("/collect-o1").tokens());
  }

  @Test
  void withoutATokenTheDownstreamErrorCarriesNone() throws Exception {
    assertEquals("502 200", checkout("o2", null));

    Rendered error = awaitError("o2");
    assertEquals(Map.of(), error.mdc());
    assertEquals("ERROR " + DOWNSTREAM_LOGGER + " - card declined for order o2", error.line());
    assertEquals(List.of(), thirdParty.awaitCall("/collect-o2").tokens());
  }

  private static String checkout(String order, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port(upstream) + "/checkout?order=" + order)).timeout(WAIT);
    if (token != null) {
      request.header("X-OpenReplay-SessionToken", token);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    return response.body();
  }

  private static Rendered awaitError(String order) throws InterruptedException {
    List<Rendered> found = errors.events().await(event -> event.line().endsWith("order " + order), 1, WAIT);
    assertEquals(1, found.size(), () -> "one downstream ERROR for " + order + ": " + errors.events().items());
    return found.get(0);
  }

  private static int send(HttpClient client, String url) throws IOException {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Server serve(HttpServlet servlet) throws Exception {
    Server server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    ServletContextHandler context = new ServletContextHandler("/");
    FilterHolder filter = new FilterHolder(OpenReplayFilter.class);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    context.addServlet(new ServletHolder(servlet), "/*");
    server.setHandler(context);
    server.start();
    return server;
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
