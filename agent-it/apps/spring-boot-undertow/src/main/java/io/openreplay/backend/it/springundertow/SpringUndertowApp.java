package io.openreplay.backend.it.springundertow;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot web application on Undertow: {@code /ok} answers, {@code /boom} logs an error and throws,
 * which Undertow logs (UT005023) and Spring's error page answers, {@code /pool} logs an error from a task on the
 * application's executor. Prints {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class SpringUndertowApp {

  private static final Logger LOG = LoggerFactory.getLogger(SpringUndertowApp.class);

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  /**
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(SpringUndertowApp.class, args);
  }

  /**
   * @param event the web server has started
   */
  @EventListener
  public void onStarted(WebServerInitializedEvent event) {
    System.out.println("LISTENING " + event.getWebServer().getPort());
  }

  /** Stops the application's executor. */
  @PreDestroy
  public void stop() {
    pool.shutdownNow();
  }

  /**
   * @param id the request's marker
   * @return a greeting
   */
  @GetMapping("/ok")
  public String ok(@RequestParam(name = "id", defaultValue = "none") String id) {
    LOG.info("spring ok id={}", id);
    return "ok " + id;
  }

  /**
   * @param id the request's marker
   * @return never
   */
  @GetMapping("/boom")
  public String boom(@RequestParam(name = "id", defaultValue = "none") String id) {
    LOG.error("spring handler failing id={}", id);
    throw new IllegalStateException("spring uncaught id=" + id);
  }

  /**
   * @param id the request's marker
   * @return the name of the thread that ran the task
   * @throws Exception when the task did not run in time
   */
  @GetMapping("/pool")
  public String pool(@RequestParam(name = "id", defaultValue = "none") String id) throws Exception {
    return pool.submit(() -> {
      LOG.error("spring pool task id={}", id);
      return Thread.currentThread().getName();
    }).get(20, TimeUnit.SECONDS);
  }
}
