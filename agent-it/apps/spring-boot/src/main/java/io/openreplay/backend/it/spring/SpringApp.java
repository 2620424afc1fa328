package io.openreplay.backend.it.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot web application: {@code /ok} answers, {@code /boom} logs an error and throws, which
 * Tomcat logs and Spring's error page answers. Prints {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class SpringApp {

  private static final Logger LOG = LoggerFactory.getLogger(SpringApp.class);

  /**
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(SpringApp.class, args);
  }

  /**
   * Prints the port Spring Boot put in {@code local.server.port}, which Spring Boot 3 and 4 (apps/spring-boot4 builds
   * these sources too) both set; their web server events are in packages that differ.
   *
   * @param event the application is ready and serves
   */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    System.out.println("LISTENING " + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
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
}
