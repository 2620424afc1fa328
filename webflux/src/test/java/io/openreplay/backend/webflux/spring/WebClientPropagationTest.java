package io.openreplay.backend.webflux.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * A WebFlux request's token goes out on the calls its handler makes with Spring Boot's {@code WebClient.Builder},
 * after a scheduler hop, to the hosts of {@code openreplay.propagation.hosts} only (Spring Boot 3's
 * {@code WebClientCustomizer}; skipped on Spring Boot 4, whose builder lives elsewhere).
 */
class WebClientPropagationTest {

  private static final String TOKEN = OutboundPropagationCheck.TOKEN;

  private static TokenHeaderReceiver receiver;
  private static WebFluxApp app;

  /** {@link HopsApplication} with {@link OutboundController}. */
  @Import(OutboundController.class)
  static class OutboundApplication extends HopsApplication {
  }

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(ClassUtils.isPresent("org.springframework.boot.web.reactive.function.client.WebClientCustomizer",
        null), "Spring Boot 3's WebClientCustomizer");
    receiver = TokenHeaderReceiver.start();
    app = WebFluxApp.start(new String[] {"openreplay.propagation.hosts=localhost:" + receiver.port()},
        OutboundApplication.class);
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void theRequestsTokenGoesToListedHostsOnly() throws Exception {
    call(receiver.url("localhost", "/listed"), "X-OpenReplay-SessionToken", TOKEN);
    call(receiver.url("127.0.0.1", "/not-listed"), "X-OpenReplay-SessionToken", TOKEN);
    call(receiver.url("localhost", "/no-token"));
    assertEquals(List.of(TOKEN), receiver.awaitCall("/listed").tokens());
    assertEquals(List.of(), receiver.awaitCall("/not-listed").tokens());
    assertEquals(List.of(), receiver.awaitCall("/no-token").tokens());
  }

  private static void call(String url, String... headers) throws Exception {
    HttpResponse<String> response = app.get("/call?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8), headers)
        .get(WebFluxApp.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(200, response.statusCode(), response::body);
    assertEquals("ok", response.body());
  }
}
