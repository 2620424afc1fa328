package io.openreplay.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.filter.support.CapturingAppender;
import io.openreplay.backend.filter.support.CapturingAppender.Captured;
import io.openreplay.backend.filter.support.EmbeddedTomcat;
import io.openreplay.backend.filter.support.HttpProbe;
import io.openreplay.backend.filter.support.HttpProbe.Reply;
import io.openreplay.backend.filter.support.ScenarioServlet;
import io.openreplay.backend.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Tomcat 10.1 (jakarta): the listener and the container's own error line, and WAR auto-registration. */
class TomcatTest {

  @TempDir
  Path baseDir;

  private CapturingAppender capture;

  @BeforeEach
  void capture() {
    capture = CapturingAppender.install();
  }

  @AfterEach
  void release() {
    capture.uninstall();
  }

  private static Map.Entry<String, byte[]> header(String value) {
    return Map.entry("X-OpenReplay-SessionToken", value.getBytes(StandardCharsets.US_ASCII));
  }

  private Captured event(String id) throws InterruptedException {
    List<Captured> found = capture.await(e -> e.message().startsWith("event id=" + id + " "), 1, Duration.ofSeconds(10));
    assertEquals(1, found.size(), "event of request " + id);
    return found.get(0);
  }

  @Test
  void theErrorLineTomcatItselfLogsCarriesTheToken() throws Exception {
    long sessionId = Tokens.randomSessionId();
    String token = Tokens.forSession(sessionId);
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.plain(baseDir)
        .listener(OpenReplayRequestListener.class.getName())
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      Reply reply = HttpProbe.get(tomcat.port(), "/app/boom?id=t1", List.of(header(token)));
      assertTrue(reply.status().startsWith("HTTP/1.1 500"), reply.status());
      List<Captured> errors = capture.await(e -> e.level().equals("ERROR")
          && e.logger().startsWith("org.apache.catalina.core.ContainerBase")
          && e.message().contains("Servlet.service()"), 1, Duration.ofSeconds(10));
      assertEquals(1, errors.size(), "Tomcat's own ERROR line: " + capture.events());
      Captured error = errors.get(0);
      assertEquals("java.lang.IllegalStateException: boom t1", error.throwable());
      assertEquals(token, error.token());
      assertEquals(Long.toString(sessionId), error.sessionId());
      assertEquals(token, event("t1").token());

      HttpProbe.get(tomcat.port(), "/app/probe", List.of());
      List<Captured> probes = capture.await(e -> e.message().equals("probe container"), 1, Duration.ofSeconds(10));
      assertFalse(probes.get(0).hasAnyKey());
    }
  }

  @Test
  void aWarRegistersTheFilterAndListenerByItself() throws Exception {
    String token = Tokens.forSession(Tokens.randomSessionId());
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.webapp(baseDir, "")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      assertEquals(OpenReplayFilter.class.getName(), tomcat.filterClasses().get("openreplay"));
      HttpProbe.get(tomcat.port(), "/app/async-start?id=t2", List.of(header(token)));
      assertEquals(token, event("t2").token());
      HttpProbe.get(tomcat.port(), "/app/boom?id=t3", List.of(header(token)));
      List<Captured> errors = capture.await(e -> e.level().equals("ERROR")
          && e.message().contains("Servlet.service()"), 1, Duration.ofSeconds(10));
      assertEquals(token, errors.get(0).token(), "the auto-registered listener covers the container's line");
    }
  }

  @Test
  void theContextParamSwitchesAutoRegistrationOff() throws Exception {
    String token = Tokens.forSession(Tokens.randomSessionId());
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.webapp(baseDir, """
        <context-param>
          <param-name>openreplay.autoRegistration</param-name>
          <param-value> FALSE </param-value>
        </context-param>""")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      assertEquals(Map.of(), tomcat.filterClasses());
      HttpProbe.get(tomcat.port(), "/app/sync?id=t4", List.of(header(token)));
      assertFalse(event("t4").hasAnyKey());
    }
  }

  @Test
  void aFilterAndListenerDeclaredInWebXmlAreNotRegisteredTwice() throws Exception {
    String token = Tokens.forSession(Tokens.randomSessionId());
    try (EmbeddedTomcat tomcat = EmbeddedTomcat.webapp(baseDir, """
        <context-param>
          <param-name>openreplay.headers</param-name>
          <param-value>X-Session, X-OpenReplay-SessionToken</param-value>
        </context-param>
        <listener>
          <listener-class>io.openreplay.backend.filter.OpenReplayRequestListener</listener-class>
        </listener>
        <filter>
          <filter-name>OpenReplay</filter-name>
          <filter-class>io.openreplay.backend.filter.OpenReplayFilter</filter-class>
          <async-supported>true</async-supported>
        </filter>
        <filter-mapping>
          <filter-name>OpenReplay</filter-name>
          <url-pattern>/*</url-pattern>
          <dispatcher>REQUEST</dispatcher>
          <dispatcher>ASYNC</dispatcher>
          <dispatcher>ERROR</dispatcher>
        </filter-mapping>""")
        .servlet("scenario", ScenarioServlet.class.getName(), "/app/*")
        .start()) {
      assertEquals(Map.of("OpenReplay", OpenReplayFilter.class.getName()), tomcat.filterClasses());
      String other = Tokens.forSession(Tokens.randomSessionId());
      HttpProbe.get(tomcat.port(), "/app/async-dispatch?id=t5",
          List.of(header(other), Map.entry("X-Session", token.getBytes(StandardCharsets.US_ASCII))));
      List<Captured> events = capture.await(e -> e.message().startsWith("event id=t5 "), 3, Duration.ofSeconds(10));
      assertEquals(3, events.size());
      for (Captured event : events) {
        assertEquals(token, event.token(), event.toString());
      }
      assertEquals(0, AttachCounter.attaches(other));
    }
  }
}
