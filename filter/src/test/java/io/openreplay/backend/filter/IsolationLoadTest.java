package io.openreplay.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.support.CapturingAppender;
import io.openreplay.backend.filter.support.CapturingAppender.Captured;
import io.openreplay.backend.filter.support.ScenarioServlet;
import io.openreplay.backend.testing.Tokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * 20,000 requests from 32 concurrent clients against a real Jetty 12 with the auto-registered filter and listener,
 * each request with its own token (a third of them as the bare session id of the G2 header), mixing synchronous
 * requests, work handed to an executor, {@code AsyncContext.start}, asynchronous dispatch with an
 * {@code AsyncListener}, forward and include, and requests without a token. Every event must carry exactly its own
 * request's token, and nothing written on a container or pool thread outside a request may carry any.
 *
 * <p>The JDK's HTTP client sends an idempotent request again when the connection it used fails before the response
 * arrives, so the server may be handed a request twice; a test filter counts how often each request came in, and a
 * request handed over twice must write its events twice, each with its own token.
 */
class IsolationLoadTest {

  private static final int CLIENTS = 32;
  private static final int REQUESTS = 20_000;
  private static final String[] HEADERS = {"X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token",
      "openReplaySession.id"};

  /** The path of request i and how many "event" lines it writes. */
  private record Kind(String path, int events) {
  }

  private static Kind kind(int i) {
    return switch (i % 10) {
      case 0 -> new Kind("/app/probe", 0);
      case 1, 2, 3, 4 -> new Kind("/app/sync", 1);
      case 5 -> new Kind("/app/executor", 2);
      case 6, 7 -> new Kind("/app/async-start", 1);
      case 8 -> new Kind("/app/async-dispatch", 3);
      default -> new Kind("/app/forward", 3);
    };
  }

  private static boolean writesProbe(Kind kind) {
    return kind.path().equals("/app/probe") || kind.path().equals("/app/executor");
  }

  @Test
  void everyEventCarriesExactlyItsOwnRequestsToken() throws Exception {
    AtomicIntegerArray received = new AtomicIntegerArray(REQUESTS);
    CapturingAppender capture = CapturingAppender.install();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer(new OpenReplayInitializer());
    context.addServletContainerInitializer((ServletContainerInitializer) (classes, servletContext) -> {
      ServletRegistration.Dynamic servlet = servletContext.addServlet("scenario", ScenarioServlet.class);
      servlet.setAsyncSupported(true);
      servlet.addMapping("/app/*");
      Filter counter = (request, response, chain) -> {
        received.incrementAndGet(Integer.parseInt(request.getParameter("id").substring(1)));
        chain.doFilter(request, response);
      };
      FilterRegistration.Dynamic counting = servletContext.addFilter("received", counter);
      counting.setAsyncSupported(true);
      counting.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/app/*");
    });
    server.setHandler(context);
    server.start();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      int port = connector.getLocalPort();
      String[] tokens = new String[REQUESTS];
      String[] sessionIds = new String[REQUESTS];
      long base = Tokens.randomSessionId() / 2;
      for (int i = 0; i < REQUESTS; i++) {
        long sessionId = base + i * 7919L;
        sessionIds[i] = Long.toString(sessionId);
        tokens[i] = i % 3 == 2 ? null : Tokens.forSession(sessionId);
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      AtomicInteger next = new AtomicInteger();
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        results.add(clients.submit(() -> {
          List<String> failures = new ArrayList<>();
          for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
            Kind kind = kind(i);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + kind.path() + "?id=L" + i)).timeout(Duration.ofSeconds(20));
            if (kind.events() > 0) {
              request.header(HEADERS[i % 3], tokens[i] != null ? tokens[i] : sessionIds[i]);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !"ok".equals(response.body())) {
              failures.add("request " + i + ": " + response.statusCode());
            }
          }
          return failures;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> result : results) {
        failures.addAll(result.get(5, TimeUnit.MINUTES));
      }
      assertEquals(List.of(), failures);
      int expectedEvents = 0;
      int expectedProbes = 0;
      for (int i = 0; i < REQUESTS; i++) {
        assertTrue(received.get(i) >= 1, "request " + i + " reached the server");
        expectedEvents += kind(i).events() * received.get(i);
        expectedProbes += writesProbe(kind(i)) ? received.get(i) : 0;
      }

      // The AsyncListener's onComplete may be written just after the response went out.
      int finalExpectedEvents = expectedEvents;
      List<Captured> events = capture.await(e -> e.message().startsWith("event id=L"), expectedEvents,
          Duration.ofSeconds(30));
      assertEquals(finalExpectedEvents, events.size());

      int mismatches = 0;
      List<String> examples = new ArrayList<>();
      int[] perRequest = new int[REQUESTS];
      for (Captured event : events) {
        String message = event.message();
        int i = Integer.parseInt(message.substring("event id=L".length(), message.indexOf(' ', 10)));
        perRequest[i]++;
        if (!java.util.Objects.equals(tokens[i], event.token()) || !sessionIds[i].equals(event.sessionId())) {
          mismatches++;
          if (examples.size() < 5) {
            examples.add(event.toString());
          }
        }
      }
      assertEquals(0, mismatches, "mismatched events, e.g. " + examples);
      for (int i = 0; i < REQUESTS; i++) {
        assertEquals(kind(i).events() * received.get(i), perRequest[i], "events of request " + i);
      }

      List<Captured> probes = capture.matching(e -> e.message().startsWith("probe"));
      assertEquals(expectedProbes, probes.size());
      assertEquals(List.of(), probes.stream().filter(Captured::hasAnyKey).toList(),
          "probes on container and pool threads after other requests ended must carry no token");

      assertThreadsClean(server);
      List<java.util.concurrent.Callable<Integer>> poolProbes = new ArrayList<>();
      for (int p = 0; p < 32; p++) {
        poolProbes.add(IsolationLoadTest::dirtyThread);
      }
      int dirtyPool = 0;
      for (Future<Integer> probe : ScenarioServlet.APP_POOL.invokeAll(poolProbes)) {
        dirtyPool += probe.get();
      }
      assertEquals(0, dirtyPool, "application pool threads holding a token after the load");
    } finally {
      clients.shutdownNow();
      server.stop();
      capture.uninstall();
    }
  }

  private static int dirtyThread() {
    return MDC.get(SessionToken.TOKEN_KEY) != null || MDC.get(SessionToken.SESSION_ID_KEY) != null
        || OpenReplayContext.current().isPresent() ? 1 : 0;
  }

  private static void assertThreadsClean(Server server) throws InterruptedException {
    int probes = 256;
    CountDownLatch done = new CountDownLatch(probes);
    AtomicInteger dirty = new AtomicInteger();
    for (int i = 0; i < probes; i++) {
      server.getThreadPool().execute(() -> {
        dirty.addAndGet(dirtyThread());
        done.countDown();
      });
    }
    assertTrue(done.await(20, TimeUnit.SECONDS));
    assertEquals(0, dirty.get(), "container threads holding a token after the load");
  }
}
