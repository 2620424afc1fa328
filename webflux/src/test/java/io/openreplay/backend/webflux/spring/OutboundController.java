package io.openreplay.backend.webflux.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Calls the URL it is given with a {@code WebClient} of Spring Boot's builder, after a scheduler hop. */
@RestController
class OutboundController {

  private final WebClient client;

  OutboundController(WebClient.Builder builder) {
    this.client = builder.build();
  }

  @GetMapping("/call")
  Mono<String> call(@RequestParam("url") String url) {
    return Mono.just(url).publishOn(Schedulers.boundedElastic())
        .flatMap(target -> client.get().uri(target).retrieve().bodyToMono(String.class));
  }
}
