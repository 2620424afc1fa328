package io.openreplay.backend.it.webflux;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * An ordinary Spring Boot WebFlux application on Reactor Netty. Every line it logs names its request's marker as
 * {@code [marker]}. {@code /hops/ID} logs on the event loop and after {@code publishOn(boundedElastic)}, inside a
 * {@code flatMap} moved by {@code subscribeOn(parallel)}, and after {@code delayElements}; {@code /fail/ID} fails on
 * {@code boundedElastic}, which Spring Boot's error handling answers (500) and logs at ERROR; {@code POST /echo/ID}
 * logs as it reads the request's body. With a loopback receiver ({@code --receiver=http://127.0.0.1:PORT}):
 * {@code /client/ID} calls it through {@code WebClient} and logs in the continuation of its answer;
 * {@code /cached/ID} reads one {@code Mono.cache()}d answer of the receiver's {@code /slow}, which the first such
 * request starts; {@code /events/ID} waits for the next event of one {@code Sinks.many().multicast()} sink, which
 * {@code /emit/ID} emits ({@code /events} answers how many wait); {@code /shared/ID} waits for the next broadcast
 * through one {@code publish().refCount(2)} of another sink, which {@code /broadcast/ID} emits ({@code /shared}
 * answers 1 once it is connected, with two waiting); {@code /created/ID} waits for the next value of a
 * {@code Flux.create} sink of its own, which it registers, and {@code /feed/ID} feeds every registered sink
 * ({@code /created} answers how many are registered). Prints {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class WebFluxApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebFluxApp.class);

  private final WebClient client;
  private final Mono<String> cachedAnswer;
  private final Sinks.Many<String> events = Sinks.many().multicast().onBackpressureBuffer(16, false);
  private final Sinks.Many<String> broadcasts = Sinks.many().multicast().onBackpressureBuffer(16, false);
  /** {@code share()} as {@code publish().refCount(1)} is, but connected once two requests wait. */
  private final Flux<String> sharedBroadcasts = broadcasts.asFlux().publish().refCount(2);
  /** The {@code Flux.create} sinks of the requests waiting at {@code /created/ID}, fed by {@code /feed/ID}. */
  private final Set<FluxSink<String>> createdSinks = ConcurrentHashMap.newKeySet();

  /**
   * @param builder Spring Boot's {@code WebClient} builder
   * @param receiver the loopback receiver's address
   */
  public WebFluxApp(WebClient.Builder builder, @Value("${receiver:http://127.0.0.1:9}") String receiver) {
    this.client = builder.baseUrl(receiver).build();
    this.cachedAnswer = Mono.defer(() -> client.get().uri("/slow").retrieve().bodyToMono(String.class)).cache();
  }

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

  /**
   * @param id the request's marker
   * @return {@code client ANSWER}, once the receiver answered
   */
  @GetMapping("/client/{id}")
  public Mono<String> client(@PathVariable("id") String id) {
    LOG.error("[{}] calls the receiver", id);
    return client.get().uri("/answer/{id}", id).retrieve().bodyToMono(String.class)
        .map(answer -> {
          LOG.error("[{}] after the answer {}", id, answer);
          return "client " + answer;
        });
  }

  /**
   * @param id the request's marker
   * @return {@code cached ID ANSWER}, once the receiver's one {@code /slow} answer is there
   */
  @GetMapping("/cached/{id}")
  public Mono<String> cached(@PathVariable("id") String id) {
    return cachedAnswer
        .doOnSubscribe(subscription -> LOG.error("[{}] waits for the cached answer", id))
        .map(answer -> {
          LOG.error("[{}] cached answer {}", id, answer);
          return "cached " + id + " " + answer;
        });
  }

  /**
   * @param id the request's marker
   * @return {@code event ID EVENT}, once the next event is emitted
   */
  @GetMapping("/events/{id}")
  public Mono<String> nextEvent(@PathVariable("id") String id) {
    return nextOf(events.asFlux(), id, "an event");
  }

  /**
   * @return how many requests wait for an event
   */
  @GetMapping("/events")
  public String waiting() {
    return Integer.toString(events.currentSubscriberCount());
  }

  /**
   * @param id the request's marker
   * @return {@code emitted RESULT}
   */
  @GetMapping("/emit/{id}")
  public String emit(@PathVariable("id") String id) {
    return emitInto(events, id, "event");
  }

  /**
   * @param id the request's marker
   * @return {@code event ID BROADCAST}, once the next broadcast is emitted
   */
  @GetMapping("/shared/{id}")
  public Mono<String> nextBroadcast(@PathVariable("id") String id) {
    return nextOf(sharedBroadcasts, id, "a shared broadcast");
  }

  /**
   * @return 1 once the shared broadcasts are connected, 0 before
   */
  @GetMapping("/shared")
  public String connected() {
    return Integer.toString(broadcasts.currentSubscriberCount());
  }

  /**
   * @param id the request's marker
   * @return {@code emitted RESULT}
   */
  @GetMapping("/broadcast/{id}")
  public String broadcast(@PathVariable("id") String id) {
    return emitInto(broadcasts, id, "broadcast");
  }

  /**
   * @param id the request's marker
   * @return {@code event ID FEED}, once the next feed reaches the request's own {@code Flux.create} sink
   */
  @GetMapping("/created/{id}")
  public Mono<String> nextFeed(@PathVariable("id") String id) {
    Flux<String> created = Flux.create(sink -> {
      createdSinks.add(sink);
      sink.onDispose(() -> createdSinks.remove(sink));
    });
    return nextOf(created, id, "a feed");
  }

  /**
   * @return how many {@code Flux.create} sinks wait for a feed
   */
  @GetMapping("/created")
  public String registered() {
    return Integer.toString(createdSinks.size());
  }

  /**
   * @param id the request's marker
   * @return {@code fed N}, the number of sinks fed
   */
  @GetMapping("/feed/{id}")
  public String feed(@PathVariable("id") String id) {
    LOG.error("[{}] feeds the created sinks", id);
    int fed = 0;
    for (FluxSink<String> sink : createdSinks) {
      sink.next("feed of " + id);
      fed++;
    }
    return "fed " + fed;
  }

  /** The next value of {@code source}, logged as it subscribes and as it receives it. */
  private static Mono<String> nextOf(Flux<String> source, String id, String what) {
    return source
        .doOnSubscribe(subscription -> LOG.error("[{}] waits for {}", id, what))
        .next()
        .map(value -> {
          LOG.error("[{}] received {}", id, value);
          return "event " + id + " " + value;
        });
  }

  /** Emits {@code KIND of ID} into {@code sink}, logged first. */
  private static String emitInto(Sinks.Many<String> sink, String id, String kind) {
    LOG.error("[{}] emits a {}", id, kind);
    return "emitted " + sink.tryEmitNext(kind + " of " + id);
  }
}
