package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Spring Boot 3.5 web application (embedded Tomcat 10.1) with an endpoint that throws, once with only
 * {@code -javaagent} added and once without: Tomcat's own ERROR line and the application's error log carry the
 * prefix and the MDC keys, and Spring's error page answers the same. {@link SpringBoot4AgentTest} runs the same on
 * Spring Boot 4.0.
 */
class SpringBootAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.spring.SpringApp";

  static ForkedApp.Launch launch() {
    return launch("spring-boot");
  }

  static ForkedApp.Launch launch(String app) {
    return ForkedApp.app(app, MAIN)
        .argument("--server.port=0")
        .argument("--server.address=127.0.0.1")
        .argument("--spring.main.banner-mode=off");
  }

  /** The app module (agent-it/apps) this class runs. */
  String app() {
    return "spring-boot";
  }

  /** The start of the Spring Boot jar's name on the app's class path: the Spring Boot line it runs on. */
  String springBootJar() {
    return "spring-boot-3.5.";
  }

  /** The start of the server Tomcat says it starts: the Tomcat line the Spring Boot line embeds. */
  String tomcat() {
    return "Apache Tomcat/10.1.";
  }

  @Test
  void tomcatsErrorLineAndTheAppsErrorLogCarryTheTokenAndTheErrorPageIsUnchanged() throws Exception {
    assertTrue(classPathHas(springBootJar()), () -> app() + " runs on " + springBootJar() + "*");
    HttpResponse<String> plainError;
    try (ForkedApp plain = launch(app()).withoutAgent().start()) {
      plainError = plain.get("/boom?id=plain", ContainerAgentTest.HEADER, Session.next().token());
    }

    try (ForkedApp app = launch(app()).start()) {
      List<JsonNode> engine = app.log().await(messageContains("Starting Servlet engine: [" + tomcat()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, engine.size(), () -> app() + " embeds " + tomcat() + "*");

      Session session = Session.next();
      HttpResponse<String> error = app.get("/boom?id=" + session.marker(), ContainerAgentTest.HEADER, session.token());
      assertSameErrorPage(plainError, error, session.marker());

      List<JsonNode> handler =
          app.log().await(messageContains("spring handler failing id=" + session.marker()), 1, ContainerAgentTest.WAIT);
      assertEquals(1, handler.size());
      ContainerAgentTest.assertCarries(handler.get(0), session, true);

      assertTomcatsErrorLineCarries(app, session);

      String ok = "ok" + System.nanoTime();
      assertEquals(200, app.get("/ok?id=" + ok).statusCode());
      List<JsonNode> okLine = app.log().await(messageContains("spring ok id=" + ok), 1, ContainerAgentTest.WAIT);
      assertEquals(1, okLine.size());
      ContainerAgentTest.assertCarriesNothing(okLine.get(0));
    }
  }

  private boolean classPathHas(String jarNameStart) throws IOException {
    String classPath = Files.readString(Path.of(ItPaths.appsDir(), app(), ItPaths.buildDir(), "app.classpath"));
    return Arrays.stream(classPath.trim().split(File.pathSeparator))
        .anyMatch(jar -> Path.of(jar).getFileName().toString().startsWith(jarNameStart));
  }

  /** Tomcat's own ERROR line for the exception {@code /boom} threw in the session's request carries its token. */
  static void assertTomcatsErrorLineCarries(ForkedApp app, Session session) throws Exception {
    List<JsonNode> tomcatLine = app.log().await(
        mentions("spring uncaught id=" + session.marker()).and(event -> "ERROR".equals(text(event, "level"))), 1,
        ContainerAgentTest.WAIT);
    assertFalse(tomcatLine.isEmpty(), "Tomcat logged the exception at ERROR");
    for (JsonNode line : tomcatLine) {
      assertTrue(text(line, "logger_name").startsWith("org.apache.catalina.core.ContainerBase"),
          () -> "logged by Tomcat: " + line);
      ContainerAgentTest.assertCarries(line, session, true);
    }
  }

  /**
   * Spring's error page for {@code /boom}: with the agent ({@code error}, of the request marked {@code marker}) as
   * without it ({@code plain}, of the request marked {@code plain}), but for the time it was made.
   */
  static void assertSameErrorPage(HttpResponse<String> plain, HttpResponse<String> error, String marker) {
    assertEquals(500, error.statusCode());
    assertEquals(plain.statusCode(), error.statusCode());
    assertEquals(plain.headers().firstValue("content-type"), error.headers().firstValue("content-type"));
    assertEquals(withoutTimestamp(plain.body().replace("plain", "MARKER")),
        withoutTimestamp(error.body().replace(marker, "MARKER")));
  }

  private static String withoutTimestamp(String body) {
    JsonNode json = JsonMapper.builder().build().readTree(body);
    if (json instanceof ObjectNode object) {
      object.remove("timestamp");
    }
    return json.toString();
  }
}
