package io.openreplay.backend.webflux.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.webflux.OpenReplayHttpHandler;
import io.openreplay.backend.webflux.OpenReplayWebFilter;
import io.openreplay.backend.webflux.spring.RenderedLines.Line;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration switched off ({@code openreplay.webflux.enabled=false}), {@link OpenReplayWebFilter}
 * registered as a bean and Spring Boot's {@code spring.reactor.context-propagation=auto}, as the README shows for
 * applications that register the filter themselves: the handler's lines carry the token across the hops.
 */
class WebFilterOnlyTest {

  private static final Duration WAIT = WebFluxApp.WAIT;

  private static final WebFluxApp APP = WebFluxApp.start(
      new String[] {"openreplay.webflux.enabled=false", "spring.reactor.context-propagation=auto"},
      HopsApplication.class, FilterBean.class);

  @RegisterExtension
  final RenderedLines lines = new RenderedLines();

  /** The filter as a bean. */
  @Configuration(proxyBeanMethods = false)
  static class FilterBean {
    @Bean
    OpenReplayWebFilter openReplayWebFilter() {
      return new OpenReplayWebFilter();
    }
  }

  @Test
  void theAutoConfigurationIsOff() {
    assertTrue(APP.context().getBeansOfType(OpenReplayHttpHandler.Decorator.class).isEmpty());
  }

  @Test
  void theHandlersLinesCarryTheTokenAcrossHops() throws Exception {
    String token = Tokens.forSession(Tokens.randomSessionId());
    HttpResponse<String> response =
        APP.get("/hops/filtered", "X-OpenReplay-Session-Token", token).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    List<Line> found = lines.await(line -> line.rendered().contains("[filtered]"), HopsController.HOPS_LINES, WAIT);
    assertEquals(HopsController.HOPS_LINES, found.size(), found::toString);
    SessionToken expected = SessionToken.parseOrNull(token);
    for (Line line : found) {
      assertEquals(token, line.token(), line::toString);
      assertEquals(expected.sessionId(), line.sessionId(), line::toString);
      assertTrue(line.rendered().contains("[openReplaySessionToken=" + token + "] "), line::toString);
    }
  }

  @Test
  void aRequestWithoutTokenPassesUntouched() throws Exception {
    HttpResponse<String> response = APP.get("/hops/unfiltered").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("ok unfiltered", response.body());
    List<Line> found = lines.await(line -> line.rendered().contains("[unfiltered]"), HopsController.HOPS_LINES, WAIT);
    assertEquals(HopsController.HOPS_LINES, found.size(), found::toString);
    found.forEach(line -> assertFalse(line.rendered().contains("openReplaySession"), line::toString));
  }
}
