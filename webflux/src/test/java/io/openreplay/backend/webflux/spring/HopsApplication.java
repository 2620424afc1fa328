package io.openreplay.backend.webflux.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Spring Boot WebFlux application on Reactor Netty with only the auto-configuration and {@link HopsController}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HopsController.class)
class HopsApplication {
}
