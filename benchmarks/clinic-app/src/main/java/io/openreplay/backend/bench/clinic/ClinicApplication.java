package io.openreplay.backend.bench.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A veterinary clinic's web application: owners, their pets, visits, vets and pharmacy orders, kept with Spring Data
 * JPA in an in-memory H2 database that is seeded at start-up and shown through Thymeleaf pages.
 *
 * <p>Binds 127.0.0.1, port 8080 unless {@code --server.port=N} says otherwise ({@code 0}: any free port); the port
 * it serves on is logged by {@link ServingAnnouncement}.
 */
@SpringBootApplication
public class ClinicApplication {

  /**
   * Starts the clinic.
   *
   * @param args Spring Boot's command line, e.g. {@code --server.port=0}
   */
  public static void main(String[] args) {
    SpringApplication.run(ClinicApplication.class, args);
  }
}
