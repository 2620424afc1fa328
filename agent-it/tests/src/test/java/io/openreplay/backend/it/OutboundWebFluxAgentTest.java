package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot 3.5.7 WebFlux app on Reactor Netty 1.2.16 (apps/outbound-webflux) calling another service with
 * {@code WebClient}, with only {@code -javaagent} and an allow-list naming one loopback receiver: calls made as the
 * handler's result (subscribed to on the event loop) and after a hop to {@code boundedElastic} carry their own
 * request's token to the listed receiver, 20 concurrent requests each its own, once; a receiver on another port gets
 * none, and so does a call made for a request without a token. {@link OutboundWebFluxBoot4AgentTest} runs the same on
 * Spring Boot 4.0.
 */
class OutboundWebFluxAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.outboundwebflux.OutboundWebFluxApp";
  private static final String HEADER = ContainerAgentTest.HEADER;
  private static final int CONCURRENT = 20;

  /** The app module (agent-it/apps) this class runs. */
  String app() {
    return "outbound-webflux";
  }

  /** The start of the spring-webflux jar's name on the app's class path: the Spring line it runs on. */
  String springWebFlux() {
    return "spring-webflux-6.2.";
  }

  @Test
  void webClientCallsCarryTheirOwnRequestsTokenToTheListedHostOnly() throws Exception {
    String classPath = Files.readString(Path.of(ItPaths.appsDir(), app(), ItPaths.buildDir(), "app.classpath"));
    assertTrue(Arrays.stream(classPath.trim().split(File.pathSeparator))
        .anyMatch(jar -> Path.of(jar).getFileName().toString().startsWith(springWebFlux())),
        () -> app() + " runs on " + springWebFlux() + "*");
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start();
         TokenHeaderReceiver other = TokenHeaderReceiver.start();
         ForkedApp app = ForkedApp.app(app(), MAIN)
             .jvmOption("-XX:TieredStopAtLevel=1")
             .argument("--spring.main.lazy-initialization=true")
             .argument("--server.port=0")
             .argument("--server.address=127.0.0.1")
             .argument("--spring.main.banner-mode=off")
             .property("openreplay.propagation.hosts", "127.0.0.1:" + listed.port())
             .start()) {
      for (String path : List.of("/call", "/call-later")) {
        List<Session> sessions = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
          Session session = Session.next();
          sessions.add(session);
          answers.add(send(app, path, listed.url("127.0.0.1", path + "/" + session.marker()), session.token()));
        }
        for (int i = 0; i < CONCURRENT; i++) {
          Session session = sessions.get(i);
          HttpResponse<String> answer = answers.get(i).get();
          assertEquals(200, answer.statusCode(), () -> path + ": " + answer.body());
          assertEquals("ok", answer.body(), path);
          assertEquals(List.of(session.token()), listed.awaitCall(path + "/" + session.marker()).tokens(), path);
        }

        Session session = Session.next();
        String off = path + "/" + session.marker();
        assertEquals("ok", send(app, path, other.url("127.0.0.1", off), session.token()).get().body(), path);
        assertEquals(List.of(), other.awaitCall(off).tokens(), path);

        String tokenless = path + "/n" + session.marker();
        assertEquals("ok", send(app, path, listed.url("127.0.0.1", tokenless), null).get().body(), path);
        assertEquals(List.of(), listed.awaitCall(tokenless).tokens(), path);
      }
    }
  }

  private static CompletableFuture<HttpResponse<String>> send(ForkedApp app, String path, String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path + "?url="
        + URLEncoder.encode(url, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      request.header(HEADER, token);
    }
    return app.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
