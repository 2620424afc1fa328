package io.openreplay.backend.it.outboundwebflux;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An ordinary Spring Boot WebFlux application on Reactor Netty that calls another service with {@code WebClient}:
 * {@code /call} as its handler's result (the call is subscribed to on the event loop), {@code /call-later} after a
 * hop to {@code boundedElastic}; each answers what the service answered. Prints {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class OutboundWebFluxApp {

  private final WebClient webClient = WebClient.create();

  /**
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(OutboundWebFluxApp.class, args);
  }

  /**
   * @param event the application is ready and serves
   */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    System.out.println("LISTENING " + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
  }

  /**
   * @param url the URL called
   * @return the called service's answer
   */
  @GetMapping("/call")
  public Mono<String> call(@RequestParam("url") String url) {
    return get(url);
  }

  /**
   * @param url the URL called, after a short delay on {@code boundedElastic}
   * @return the called service's answer
   */
  @GetMapping("/call-later")
  public Mono<String> callLater(@RequestParam("url") String url) {
    return Mono.delay(Duration.ofMillis(5), Schedulers.boundedElastic()).flatMap(tick -> get(url));
  }

  private Mono<String> get(String url) {
    return webClient.get().uri(URI.create(url)).retrieve().bodyToMono(String.class).defaultIfEmpty("");
  }
}
