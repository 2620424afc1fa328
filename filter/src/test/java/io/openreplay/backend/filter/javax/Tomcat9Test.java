package io.openreplay.backend.filter.javax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.filter.support.CapturingAppender;
import io.openreplay.backend.filter.support.CapturingAppender.Captured;
import io.openreplay.backend.filter.support.EmbeddedTomcat;
import io.openreplay.backend.filter.support.HttpProbe;
import io.openreplay.backend.filter.support.HttpProbe.Reply;
import io.openreplay.backend.filter.support.javax.ScenarioServlet;
import io.openreplay.backend.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Tomcat 9 (javax.servlet 4) serving through the javax filter and listener. Runs in its own surefire
 * execution, with Tomcat 9 in place of Tomcat 10.1 on the classpath.
 */
class Tomcat9Test {

  private static final String H1 = "X-OpenReplay-SessionToken";
  private static final String H2 = "X-OpenReplay-Session-Token";
  private static final String H3 = "openReplaySession.id";

  @TempDir
  Path baseDir;

  private CapturingAppender capture;

  @BeforeEach
  void capture() {
    assertTrue(ServerInfo.getServerNumber().startsWith("9."), "runs on Tomcat 9, not " + ServerInfo.getServerInfo());
    capture = CapturingAppender.install();
  }

  @AfterEach
  void release() {
    if (capture != null) {
      capture.uninstall();
    }
  }

  private static Map.Entry<String, byte[]> header(String name, String value) {
    return Map.entry(name, value.getBytes(StandardCharsets.ISO_8859_1));
  }

  private List<Captured> events(String id, int count) throws InterruptedException {
    List<Captured> found = capture.await(e -> e.message().startsWith("event id=" + id + " "), count,
        Duration.ofSeconds(10));
    assertEquals(count, found.size(), "events of request " + id);
    return found;
  }

  private static void assertCarries(String token, String sessionId, List<Captured> events) {
    for (Captured event : events) {
      assertEquals(token, event.token(), event.toString());
      assertEquals(sessionId, event.sessionId(), event.toString());
    }
  }

  private EmbeddedTomcat withFilter() {
    return EmbeddedTomcat.plain(baseDir)
        .filter("openreplay", OpenReplayFilter.class.getName(), Map.of(), "REQUEST", "ASYNC", "ERROR", "FORWARD",
            "INCLUDE")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*");
  }

  @Test
  void theFilterPutsBothKeysOnEveryEventOfTheRequest() throws Exception {
    try (EmbeddedTomcat tomcat = withFilter().start()) {
      int port = tomcat.port();
      HttpProbe.get(port, "/app/sync?id=n1", List.of(header(H1, Tokens.CONTRACT_TOKEN)));
      assertCarries(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, events("n1", 1));

      String token = Tokens.forSession(555_555_555_555L);
      HttpProbe.get(port, "/app/executor?id=n2", List.of(header(H2, token)));
      assertCarries(token, "555555555555", events("n2", 2));
      HttpProbe.get(port, "/app/async-start?id=n3", List.of(header(H1, token)));
      assertCarries(token, "555555555555", events("n3", 1));
      HttpProbe.get(port, "/app/async-dispatch?id=n4", List.of(header(H1, token)));
      assertCarries(token, "555555555555", events("n4", 3));
      HttpProbe.get(port, "/app/forward?id=n5", List.of(header(H3, "555555555555")));
      assertCarries(null, "555555555555", events("n5", 3));
      assertEquals(1, AttachCounter.attaches("555555555555"));

      for (int i = 0; i < 8; i++) {
        HttpProbe.get(port, "/app/probe", List.of());
      }
      List<Captured> probes = capture.await(e -> e.message().startsWith("probe"), 9, Duration.ofSeconds(10));
      assertEquals(9, probes.size());
      assertEquals(List.of(), probes.stream().filter(Captured::hasAnyKey).toList());
    }
  }

  @Test
  void hostileAndCompetingHeaders() throws Exception {
    try (EmbeddedTomcat tomcat = withFilter().start()) {
      int port = tomcat.port();
      Reply baseline = HttpProbe.get(port, "/app/sync?id=h0", List.of());
      int id = 1;
      for (String value : List.of("", "a b", "\"q\"", "a]", "x=y", "s\u00e9g", "a".repeat(257), "<b>")) {
        Reply reply = HttpProbe.get(port, "/app/sync?id=h" + id,
            List.of(header(H1, value), header(H2, value), header(H3, value)));
        assertEquals(baseline, reply, value);
        assertFalse(events("h" + id, 1).get(0).hasAnyKey(), value);
        id++;
      }
      String a = Tokens.forSession(111_111_111_111L);
      String b = Tokens.forSession(222_222_222_222L);
      Reply reply = HttpProbe.get(port, "/app/sync?id=h" + id,
          List.of(header(H3, "12345"), header(H2, b), header(H1, "bad value"), header(H1, "a]b")));
      assertEquals(baseline, reply);
      assertCarries(b, "222222222222", events("h" + id, 1));
      id++;
      HttpProbe.get(port, "/app/sync?id=h" + id, List.of(header(H1, "a]b"), header(H1, a), header(H2, b)));
      assertCarries(a, "111111111111", events("h" + id, 1));
    }
  }

  @Test
  void theErrorLineTomcatItselfLogsCarriesTheToken() throws Exception {
    String token = Tokens.forSession(666_666_666_666L);
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.plain(baseDir)
        .listener(OpenReplayRequestListener.class.getName())
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      Reply reply = HttpProbe.get(tomcat.port(), "/app/boom?id=e1", List.of(header(H1, token)));
      assertTrue(reply.status().startsWith("HTTP/1.1 500"), reply.status());
      List<Captured> errors = capture.await(e -> e.level().equals("ERROR")
          && e.logger().startsWith("org.apache.catalina.core.ContainerBase")
          && e.message().contains("Servlet.service()"), 1, Duration.ofSeconds(10));
      assertEquals(1, errors.size());
      assertEquals("java.lang.IllegalStateException: boom e1", errors.get(0).throwable());
      assertCarries(token, "666666666666", errors);
    }
  }

  @Test
  void aWarRegistersTheJavaxFilterByItselfUnlessSwitchedOff() throws Exception {
    String token = Tokens.forSession(777_777_777_777L);
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.webapp(baseDir.resolve("on"), "")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      assertEquals(Map.of("openreplay", OpenReplayFilter.class.getName()), tomcat.filterClasses());
      HttpProbe.get(tomcat.port(), "/app/async-dispatch?id=w1", List.of(header(H1, token)));
      assertCarries(token, "777777777777", events("w1", 3));
    }
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.webapp(baseDir.resolve("off"), """
        <context-param>
          <param-name>openreplay.autoRegistration</param-name>
          <param-value>false</param-value>
        </context-param>""")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      assertEquals(Map.of(), tomcat.filterClasses());
      HttpProbe.get(tomcat.port(), "/app/sync?id=w2", List.of(header(H1, token)));
      assertFalse(events("w2", 1).get(0).hasAnyKey());
    }
  }
}
