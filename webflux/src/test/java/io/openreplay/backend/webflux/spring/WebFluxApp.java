package io.openreplay.backend.webflux.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot WebFlux application on Reactor Netty at 127.0.0.1, and an HTTP/1.1 client that calls it. Only API
 * that Spring Boot 3 and 4 share, so that the Spring Boot 4 run ({@code webflux-boot4/}) uses these sources too.
 *
 * <p>The tests never close one: closing an application disposes Reactor Netty's global event loops, which every
 * application of the JVM serves on, and so stops the others' servers. Spring Boot's shutdown hook closes them all
 * when the test JVM ends.
 */
final class WebFluxApp {

  static final Duration WAIT = Duration.ofSeconds(15);

  /** {@link HopsApplication} as it comes, shared by the test classes that need nothing else of it. */
  private static WebFluxApp hops;

  private final ConfigurableApplicationContext context;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();

  private final int port;

  private WebFluxApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  /**
   * Starts an application on a free port.
   *
   * @param properties Spring Boot properties besides the address, the port and the banner
   * @param sources the application's configuration classes
   * @return the running application
   */
  static WebFluxApp start(String[] properties, Class<?>... sources) {
    SpringApplicationBuilder builder = new SpringApplicationBuilder(sources)
        .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off");
    return new WebFluxApp(builder.properties(properties).run());
  }

  /**
   * {@link HopsApplication} with the auto-configuration as it comes, started once for the test classes of this JVM
   * that share it.
   *
   * @return the running application
   */
  static synchronized WebFluxApp hops() {
    if (hops == null) {
      hops = start(new String[0], HopsApplication.class);
    }
    return hops;
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  /**
   * Sends a GET.
   *
   * @param path the path, from {@code /}
   * @param headers header names and values, alternately
   * @return the response, once it has come
   */
  CompletableFuture<HttpResponse<String>> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
