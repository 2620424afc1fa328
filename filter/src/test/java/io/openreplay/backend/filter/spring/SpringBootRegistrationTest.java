package io.openreplay.backend.filter.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.filter.support.AttachCounter;
import io.openreplay.backend.filter.support.CapturingAppender;
import io.openreplay.backend.filter.support.CapturingAppender.Captured;
import io.openreplay.backend.filter.support.HttpProbe;
import io.openreplay.backend.filter.support.HttpProbe.Reply;
import io.openreplay.backend.testing.Tokens;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * A Spring Boot application on its embedded Tomcat registering the filter and the listener through
 * {@code FilterRegistrationBean} and {@code ServletListenerRegistrationBean}, as README.md shows. Logging is
 * Spring Boot's own set-up (logback, java.util.logging bridged into it); the capturing appender joins after start.
 * Run on Spring Boot 3.5 (Tomcat 10.1) here and on Spring Boot 4.0 (Tomcat 11) by filter-boot4/, with the same
 * sources: it names none of the classes the two lines keep in different packages. The versions expected come from
 * the system properties {@code openreplay.test.springBootVersion} and {@code openreplay.test.serverInfo}.
 */
class SpringBootRegistrationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ConfigurableApplicationContext app;
  private static int port;

  private CapturingAppender capture;

  @BeforeAll
  static void start() {
    app = new SpringApplicationBuilder(ScenarioApplication.class)
        .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
        .run();
    port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void capture() {
    capture = CapturingAppender.install();
  }

  @AfterEach
  void release() {
    capture.uninstall();
  }

  private static List<Map.Entry<String, byte[]>> contractHeader() {
    return List.of(Map.entry("X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN.getBytes(StandardCharsets.US_ASCII)));
  }

  private Captured onlyEvent(String what, Predicate<Captured> predicate) throws InterruptedException {
    List<Captured> found = capture.await(predicate, 1, WAIT);
    assertEquals(1, found.size(), what + " among " + capture.events());
    return found.get(0);
  }

  private Captured applicationError(String id) throws InterruptedException {
    return onlyEvent("the application's error line", e -> e.level().equals("ERROR")
        && e.logger().equals("openreplay.test.spring") && e.message().equals("payment failed id=" + id));
  }

  /** The line Tomcat's StandardWrapperValve writes (through java.util.logging) for the exception it caught. */
  private Captured tomcatError(String id) throws InterruptedException {
    return onlyEvent("Tomcat's own ERROR line", e -> e.level().equals("ERROR")
        && e.logger().startsWith("org.apache.catalina.core.ContainerBase")
        && e.message().contains("Servlet.service()") && e.message().contains("boom " + id));
  }

  @Test
  void theRegistrationBeansPutOneFilterOnTheEmbeddedTomcat() {
    assertEquals(System.getProperty("openreplay.test.springBootVersion"), SpringBootVersion.getVersion());
    ServletContext servletContext = assertInstanceOf(WebApplicationContext.class, app).getServletContext();
    assertEquals(System.getProperty("openreplay.test.serverInfo"), servletContext.getServerInfo(),
        "the embedded Tomcat");
    List<String> openReplayFilters = servletContext.getFilterRegistrations().values().stream()
        .map(FilterRegistration::getClassName)
        .filter(OpenReplayFilter.class.getName()::equals)
        .toList();
    assertEquals(List.of(OpenReplayFilter.class.getName()), openReplayFilters,
        "the bean's filter only: the embedded container runs no classpath ServletContainerInitializer");
  }

  @Test
  void theApplicationsErrorLogCarriesBothKeys() throws Exception {
    int attachesBefore = AttachCounter.attaches(Tokens.CONTRACT_TOKEN);
    Reply reply = HttpProbe.get(port, "/log?id=s1", contractHeader());
    assertEquals("HTTP/1.1 200 ", reply.status());
    assertEquals("logged s1", reply.body());
    Captured error = applicationError("s1");
    assertEquals(Tokens.CONTRACT_TOKEN, error.token());
    assertEquals(Tokens.CONTRACT_ID, error.sessionId());
    assertEquals(attachesBefore + 1, AttachCounter.attaches(Tokens.CONTRACT_TOKEN), "attached once for the request");
  }

  @Test
  void theErrorLineTomcatItselfLogsCarriesBothKeys() throws Exception {
    int attachesBefore = AttachCounter.attaches(Tokens.CONTRACT_TOKEN);
    Reply reply = HttpProbe.get(port, "/boom?id=s2", contractHeader());
    assertTrue(reply.status().startsWith("HTTP/1.1 500"), reply.status());
    Captured error = tomcatError("s2");
    assertEquals("java.lang.IllegalStateException: boom s2", error.throwable());
    assertEquals(Tokens.CONTRACT_TOKEN, error.token());
    assertEquals(Tokens.CONTRACT_ID, error.sessionId());
    assertEquals(attachesBefore + 1, AttachCounter.attaches(Tokens.CONTRACT_TOKEN),
        "attached once for the request, its filter passes and its error dispatch to /error together");
  }

  @Test
  void aRequestWithoutTheHeaderCarriesNoKey() throws Exception {
    HttpProbe.get(port, "/log?id=s3", List.of());
    assertFalse(applicationError("s3").hasAnyKey());
    HttpProbe.get(port, "/boom?id=s4", List.of());
    assertFalse(tomcatError("s4").hasAnyKey());
  }
}
