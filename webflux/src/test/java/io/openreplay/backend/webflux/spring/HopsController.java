package io.openreplay.backend.webflux.spring;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Logs ERROR lines, each marked {@code [id]}, on the request's event-loop thread and after every kind of scheduler
 * hop; {@code /fail} ends in an exception that Spring Boot's error handling answers (500) and logs.
 */
@RestController
class HopsController {

  /** How many lines one {@code /hops} request logs. */
  static final int HOPS_LINES = 10;
  /** How many lines one {@code /fail} request logs, Spring Boot's own ERROR line included. */
  static final int FAIL_LINES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(HopsController.class);

  @GetMapping("/hops/{id}")
  Mono<String> hops(@PathVariable("id") String id) {
    LOG.error("[{}] in the handler", id);
    return Mono.just(id)
        .publishOn(Schedulers.boundedElastic())
        .doOnNext(v -> LOG.error("[{}] after publishOn(boundedElastic)", v))
        .flatMap(v -> Mono.fromCallable(() -> {
          LOG.error("[{}] inside flatMap, subscribeOn(parallel)", v);
          return v;
        }).subscribeOn(Schedulers.parallel()))
        .flatMapMany(v -> Flux.range(1, 3).delayElements(Duration.ofMillis(1)))
        .doOnNext(i -> LOG.error("[{}] after delayElements, element {}", id, i))
        .publishOn(Schedulers.parallel())
        .doOnNext(i -> LOG.error("[{}] after publishOn(parallel), element {}", id, i))
        .then(Mono.fromSupplier(() -> {
          LOG.error("[{}] done", id);
          return "ok " + id;
        }));
  }

  @GetMapping("/fail/{id}")
  Mono<String> fail(@PathVariable("id") String id) {
    LOG.error("[{}] before failing", id);
    return Mono.just(id)
        .subscribeOn(Schedulers.boundedElastic())
        .doOnNext(v -> LOG.error("[{}] on boundedElastic, about to fail", v))
        .flatMap(v -> Mono.error(new IllegalStateException("payment failed for [" + v + "]")));
  }
}
