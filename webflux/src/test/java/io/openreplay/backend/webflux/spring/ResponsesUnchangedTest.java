package io.openreplay.backend.webflux.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.testing.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No harm: the same requests, with a valid token, an invalid one and none, answered by the application with the
 * auto-configuration and by the same application with it switched off ({@code openreplay.webflux.enabled=false}):
 * the same status, content type and, for the handler's answers, the same body.
 */
class ResponsesUnchangedTest {

  private static final Duration WAIT = WebFluxApp.WAIT;

  private static final WebFluxApp WITHOUT =
      WebFluxApp.start(new String[] {"openreplay.webflux.enabled=false"}, HopsApplication.class);

  private static List<String> answer(WebFluxApp app, String path, String... headers) throws Exception {
    HttpResponse<String> response = app.get(path, headers).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    List<String> seen = new ArrayList<>();
    seen.add(Integer.toString(response.statusCode()));
    seen.add(response.headers().firstValue("Content-Type").orElse("none"));
    seen.add(path.startsWith("/hops/") ? response.body() : "(error page)");
    return seen;
  }

  @Test
  void theApplicationAnswersAsWithoutTheLibrary() throws Exception {
    // text/html: the error page; the test application has no JSON encoder for Spring Boot's JSON error body
    List<String[]> headerSets = List.of(new String[] {"Accept", "text/html"},
        new String[] {"Accept", "text/html", "X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN},
        new String[] {"Accept", "text/html", "X-OpenReplay-SessionToken", "not a token!"},
        new String[] {"Accept", "text/html", "openReplaySession.id", Tokens.CONTRACT_ID});
    for (String path : List.of("/hops/unchanged", "/fail/unchanged")) {
      for (String[] headers : headerSets) {
        assertEquals(answer(WITHOUT, path, headers), answer(WebFluxApp.hops(), path, headers),
            () -> path + " with " + String.join(": ", headers));
      }
    }
  }
}
