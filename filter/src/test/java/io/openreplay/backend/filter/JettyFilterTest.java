package io.openreplay.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.core.Parameters;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.filter.support.CapturingAppender;
import io.openreplay.backend.filter.support.CapturingAppender.Captured;
import io.openreplay.backend.filter.support.HostileHeaderInjector;
import io.openreplay.backend.filter.support.HttpProbe;
import io.openreplay.backend.filter.support.HttpProbe.Reply;
import io.openreplay.backend.filter.support.ScenarioServlet;
import io.openreplay.backend.testing.Tokens;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A real Jetty 12 (jakarta, ee10) serving through {@link OpenReplayFilter}, registered programmatically twice,
 * with {@link OpenReplayRequestListener}; a second context configures its own header names.
 */
class JettyFilterTest {

  private static final String H1 = "X-OpenReplay-SessionToken";
  private static final String H2 = "X-OpenReplay-Session-Token";
  private static final String H3 = "openReplaySession.id";
  private static final AtomicInteger IDS = new AtomicInteger();

  private static Server server;
  private static int port;
  private static CapturingAppender capture;

  @BeforeAll
  static void start() throws Exception {
    capture = CapturingAppender.install();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler main = new ServletContextHandler("/");
    main.addServletContainerInitializer((ServletContainerInitializer) (classes, context) -> {
      EnumSet<DispatcherType> all = EnumSet.allOf(DispatcherType.class);
      FilterRegistration.Dynamic hostile = context.addFilter("hostile", HostileHeaderInjector.class);
      hostile.setAsyncSupported(true);
      hostile.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
      FilterRegistration.Dynamic filter = context.addFilter("openreplay", OpenReplayFilter.class);
      filter.setAsyncSupported(true);
      filter.addMappingForUrlPatterns(all, true, "/*");
      FilterRegistration.Dynamic again = context.addFilter("openreplay-again", OpenReplayFilter.class);
      again.setAsyncSupported(true);
      again.addMappingForUrlPatterns(all, true, "/app/*");
      context.addListener(OpenReplayRequestListener.class);
      ServletRegistration.Dynamic servlet = context.addServlet("scenario", ScenarioServlet.class);
      servlet.setAsyncSupported(true);
      servlet.addMapping("/app/*");
    });

    ServletContextHandler custom = new ServletContextHandler("/custom");
    custom.setInitParameter(Parameters.HEADERS, "X-Ignored-By-The-Filter");
    custom.addServletContainerInitializer((ServletContainerInitializer) (classes, context) -> {
      FilterRegistration.Dynamic filter = context.addFilter("openreplay", OpenReplayFilter.class);
      filter.setInitParameter(Parameters.HEADERS, " X-Custom-Session ,X-OpenReplay-SessionToken");
      filter.addMappingForUrlPatterns(null, false, "/*");
      context.addServlet("scenario", ScenarioServlet.class).addMapping("/app/*");
    });
    server.setHandler(new ContextHandlerCollection(main, custom));
    server.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    capture.uninstall();
  }

  @BeforeEach
  void clear() {
    capture.clear();
  }

  private static String nextId() {
    return "j" + IDS.incrementAndGet();
  }

  private static Map.Entry<String, byte[]> header(String name, String value) {
    return Map.entry(name, value.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static List<Captured> events(String id, int count) throws InterruptedException {
    String prefix = "event id=" + id + " ";
    List<Captured> found = capture.await(e -> e.message().startsWith(prefix), count, Duration.ofSeconds(10));
    assertEquals(count, found.size(), "events of request " + id + ": " + found);
    return found;
  }

  private static void assertCarries(String token, String sessionId, List<Captured> events) {
    for (Captured event : events) {
      assertEquals(token, event.token(), event.toString());
      assertEquals(sessionId, event.sessionId(), event.toString());
    }
  }

  /** Runs probes on Jetty's own pool: none may find a token, in the MDC or as the current token. */
  private static void assertContainerPoolClean() throws Exception {
    int probes = 64;
    CountDownLatch done = new CountDownLatch(probes);
    List<String> dirty = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < probes; i++) {
      server.getThreadPool().execute(() -> {
        if (MDC.get(SessionToken.TOKEN_KEY) != null || MDC.get(SessionToken.SESSION_ID_KEY) != null
            || OpenReplayContext.current().isPresent()) {
          dirty.add(Thread.currentThread().getName());
        }
        done.countDown();
      });
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(), dirty);
    Reply reply = HttpProbe.get(port, "/app/probe", List.of());
    assertEquals("ok", reply.body());
  }

  @Test
  void aLogEventDuringTheRequestCarriesBothKeys() throws Exception {
    String id = nextId();
    Reply reply = HttpProbe.get(port, "/app/sync?id=" + id, List.of(header(H1, Tokens.CONTRACT_TOKEN)));
    assertEquals("HTTP/1.1 200 OK", reply.status());
    assertCarries(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, events(id, 1));
    assertContainerPoolClean();
    assertTrue(capture.matching(e -> e.message().startsWith("probe")).stream().noneMatch(Captured::hasAnyKey));
  }

  @Test
  void attachesOnceThroughTwoMappingsTheListenerAForwardAndAnInclude() throws Exception {
    String id = nextId();
    long sessionId = Tokens.randomSessionId();
    String token = Tokens.forSession(sessionId);
    Reply reply = HttpProbe.get(port, "/app/forward?id=" + id, List.of(header(H2, token)));
    assertEquals("ok", reply.body());
    assertCarries(token, Long.toString(sessionId), events(id, 3));
    assertEquals(1, AttachCounter.attaches(token));
    assertContainerPoolClean();
  }

  @Test
  void aServletExceptionLeavesNothingBehind() throws Exception {
    String id = nextId();
    String token = Tokens.forSession(Tokens.randomSessionId());
    Reply reply = HttpProbe.get(port, "/app/boom?id=" + id, List.of(header(H1, token)));
    assertTrue(reply.status().startsWith("HTTP/1.1 500"), reply.status());
    assertEquals(token, events(id, 1).get(0).token());
    assertContainerPoolClean();
    assertNull(MDC.get(SessionToken.TOKEN_KEY));
  }

  @Test
  void workHandedToAnExecutorCarriesTheTokenAndThePoolStaysClean() throws Exception {
    String id = nextId();
    String token = Tokens.forSession(Tokens.randomSessionId());
    assertEquals("ok", HttpProbe.get(port, "/app/executor?id=" + id, List.of(header(H1, token))).body());
    List<Captured> events = events(id, 2);
    assertCarries(token, SessionToken.parse(token).orElseThrow().sessionId(), events);
    assertTrue(events.stream().anyMatch(e -> e.thread().equals("app-pool")));
    List<Captured> probes = capture.matching(e -> e.message().equals("probe pool"));
    assertEquals(1, probes.size());
    assertFalse(probes.get(0).hasAnyKey());
  }

  @Test
  void asyncStartRunsWithTheToken() throws Exception {
    String id = nextId();
    String token = Tokens.forSession(Tokens.randomSessionId());
    assertEquals("ok", HttpProbe.get(port, "/app/async-start?id=" + id, List.of(header(H1, token))).body());
    assertCarries(token, SessionToken.parse(token).orElseThrow().sessionId(), events(id, 1));
    assertContainerPoolClean();
  }

  @Test
  void asyncDispatchAndAsyncListenersRunWithTheToken() throws Exception {
    String id = nextId();
    String token = Tokens.forSession(Tokens.randomSessionId());
    assertEquals("ok", HttpProbe.get(port, "/app/async-dispatch?id=" + id, List.of(header(H1, token))).body());
    List<Captured> events = events(id, 3);
    assertCarries(token, SessionToken.parse(token).orElseThrow().sessionId(), events);
    assertEquals(List.of("async-worker", "dispatched", "on-complete"),
        events.stream().map(e -> e.message().substring(e.message().lastIndexOf(' ') + 1)).sorted().toList());
    assertContainerPoolClean();
  }

  @Test
  void hostileValuesChangeNothingAndAttachNothing() throws Exception {
    Reply baseline = HttpProbe.get(port, "/app/sync?id=" + nextId(), List.of());
    assertEquals("HTTP/1.1 200 OK", baseline.status());
    // Values that no HTTP/1.1 parser passes reach the filter through the injector (CR, LF, NUL, 1 MB, ...).
    int corpusSize = Tokens.rejectedCorpus().size();
    for (int k = 0; k < corpusSize; k++) {
      String id = nextId();
      Reply reply = HttpProbe.get(port, "/app/sync?hostile=" + k + "&id=" + id, List.of());
      assertEquals(baseline, reply, "corpus value " + k);
      assertFalse(events(id, 1).get(0).hasAnyKey(), "corpus value " + k);
    }
    // Values as raw bytes on the wire.
    List<byte[]> wire = new ArrayList<>();
    for (String value : List.of("", "jw4wdfpgqhoj 3az", "\"jw4wdfpgqhoj\"", "jw4wdfpgqhoj'", "jw4wdfpgqhoj]",
        "openReplaySessionToken=forged", "jw4wdfpgqhoj.3az.lrraavgc.s\u00e9g", "<script>alert(1)</script>",
        "{\"a\":1}", "a".repeat(257), "jw4wdfpgqhoj\tx")) {
      wire.add(value.getBytes(StandardCharsets.ISO_8859_1));
    }
    wire.add("\u4f1a\u8bdd".getBytes(StandardCharsets.UTF_8));
    for (byte[] value : wire) {
      String id = nextId();
      Reply reply = HttpProbe.get(port, "/app/sync?id=" + id,
          List.of(Map.entry(H1, value), Map.entry(H2, value), Map.entry(H3, value), Map.entry(H1, value)));
      String shown = new String(value, StandardCharsets.ISO_8859_1);
      assertEquals(baseline, reply, shown);
      assertFalse(events(id, 1).get(0).hasAnyKey(), shown);
    }
    assertContainerPoolClean();
  }

  @Test
  void severalHeadersAtOnceFirstConfiguredNameWithAValidValueWins() throws Exception {
    Reply baseline = HttpProbe.get(port, "/app/sync?id=" + nextId(), List.of());
    String a = Tokens.forSession(111_111_111_111L);
    String b = Tokens.forSession(222_222_222_222L);
    record Case(List<Map.Entry<String, byte[]>> headers, String token, String sessionId) {
    }
    List<Case> cases = List.of(
        new Case(List.of(header(H3, "12345"), header(H2, b), header(H1, "bad value")), b, "222222222222"),
        new Case(List.of(header(H2, b), header(H1, a)), a, "111111111111"),
        new Case(List.of(header(H1, "a]b"), header(H1, a), header(H1, b)), a, "111111111111"),
        new Case(List.of(header("x-openreplay-sessiontoken", a)), a, "111111111111"),
        new Case(List.of(header("OPENREPLAYSESSION.ID", "12345"), header(H2, "x=y")), null, "12345"),
        new Case(List.of(header(H1, "bad\u00ff"), header(H2, "bad value"), header(H3, "1 2")), null, null));
    for (Case c : cases) {
      String id = nextId();
      Reply reply = HttpProbe.get(port, "/app/sync?id=" + id, c.headers());
      assertEquals(baseline, reply);
      Captured event = events(id, 1).get(0);
      assertEquals(c.token(), event.token(), c.toString());
      assertEquals(c.sessionId(), event.sessionId(), c.toString());
    }
  }

  @Test
  void headerNamesComeFromTheFiltersInitParameter() throws Exception {
    String a = Tokens.forSession(333_333_333_333L);
    String b = Tokens.forSession(444_444_444_444L);
    String id = nextId();
    HttpProbe.get(port, "/custom/app/sync?id=" + id, List.of(header(H1, a), header("x-custom-session", b)));
    assertCarries(b, "444444444444", events(id, 1));
    id = nextId();
    HttpProbe.get(port, "/custom/app/sync?id=" + id, List.of(header(H2, b), header(H1, a)));
    assertCarries(a, "333333333333", events(id, 1));
    id = nextId();
    HttpProbe.get(port, "/custom/app/sync?id=" + id, List.of(header(H2, b)));
    assertFalse(events(id, 1).get(0).hasAnyKey());
  }
}
