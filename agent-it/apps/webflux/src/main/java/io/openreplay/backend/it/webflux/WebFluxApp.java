package io.openreplay.backend.it.webflux;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An ordinary Spring Boot WebFlux application on Reactor Netty. Every line it logs names its request's marker as
 * {@code [marker]}. {@code /hops/ID} logs on the event loop and after {@code publishOn(boundedElastic)}, inside a
 * {@code flatMap} moved by {@code subscribeOn(parallel)}, and after {@code delayElements}; {@code /fail/ID} fails on
 * {@code boundedElastic}, which Spring Boot's error handling answers (500) and logs at ERROR; {@code POST /echo/ID}
 * logs as it reads the request's body. Prints {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class WebFluxApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebFluxApp.class);

  /**
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(WebFluxApp.class, args);
  }

  /**
   * @param event the web server has started
   */
  @EventListener
  public void onStarted(WebServerInitializedEvent event) {
    System.out.println("LISTENING " + event.getWebServer().getPort());
  }

  /**
   * @param id the request's marker
   * @return {@code hops ID}, after the hops
   */
  @GetMapping("/hops/{id}")
  public Mono<String> hops(@PathVariable("id") String id) {
    LOG.error("[{}] handler", id);
    return Mono.just(id)
        .publishOn(Schedulers.boundedElastic())
        .doOnNext(marker -> LOG.error("[{}] after publishOn(boundedElastic)", marker))
        .flatMap(marker -> Mono.fromCallable(() -> {
          LOG.error("[{}] inside flatMap, subscribeOn(parallel)", marker);
          return marker;
        }).subscribeOn(Schedulers.parallel()))
        .flatMapMany(marker -> Flux.just(1, 2).delayElements(Duration.ofMillis(1)))
        .doOnNext(element -> LOG.error("[{}] after delayElements, element {}", id, element))
        .then(Mono.fromCallable(() -> {
          LOG.error("[{}] done", id);
          return "hops " + id;
        }));
  }

  /**
   * @param id the request's marker
   * @return never: an error on {@code boundedElastic}
   */
  @GetMapping("/fail/{id}")
  public Mono<String> fail(@PathVariable("id") String id) {
    LOG.error("[{}] before failing", id);
    return Mono.just(id)
        .publishOn(Schedulers.boundedElastic())
        .<String>map(marker -> {
          LOG.error("[{}] failing on boundedElastic", marker);
          throw new IllegalStateException("webflux failed [" + marker + "]");
        });
  }

  /**
   * @param id the request's marker
   * @param body the request's body, read as it arrives
   * @return {@code echo BODY}
   */
  @PostMapping("/echo/{id}")
  public Mono<String> echo(@PathVariable("id") String id, @RequestBody Mono<String> body) {
    LOG.error("[{}] before the body", id);
    return body.map(text -> {
      LOG.error("[{}] body of {} characters", id, text.length());
      return "echo " + text;
    });
  }
}
