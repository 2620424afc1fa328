package io.openreplay.backend.it.outbound;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot web application that calls other services: {@code /call} calls a URL through the HTTP
 * client it names ({@link Clients}) and answers what that service answered; {@code /echo} logs an ERROR and answers
 * the values of the session token header it received, one per header line, joined by {@code |}; {@code /redirect}
 * redirects to the URL it is given. Prints
 * {@code LISTENING PORT} once it serves.
 */
@SpringBootApplication
@RestController
public class OutboundApp {

  /** The header the echo answers. */
  static final String HEADER = "X-OpenReplay-SessionToken";

  private static final Logger LOG = LoggerFactory.getLogger(OutboundApp.class);

  private final Clients clients = new Clients();

  /**
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(OutboundApp.class, args);
  }

  /**
   * @param event the application is ready and serves
   */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    System.out.println("LISTENING " + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
  }

  /**
   * @param client the client's name
   * @param url the URL called
   * @param preset a value of the header the application itself sets on the call, or empty for none
   * @return the called service's answer
   * @throws Exception when the call fails
   */
  @GetMapping("/call")
  public String call(@RequestParam("client") String client, @RequestParam("url") String url,
      @RequestParam(name = "preset", defaultValue = "") String preset) throws Exception {
    return clients.call(client, url, preset.isEmpty() ? null : preset);
  }

  /**
   * @param id the call's marker
   * @param request the request received
   * @return the values of the header received, joined by {@code |}
   */
  @GetMapping("/echo")
  public String echo(@RequestParam(name = "id", defaultValue = "none") String id, HttpServletRequest request) {
    LOG.error("outbound echo id={}", id);
    return String.join("|", Collections.list(request.getHeaders(HEADER)));
  }

  /**
   * @param to where to redirect
   * @return a {@code 302 Found} to {@code to}
   */
  @GetMapping("/redirect")
  public ResponseEntity<Void> redirect(@RequestParam("to") String to) {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(to)).build();
  }
}
