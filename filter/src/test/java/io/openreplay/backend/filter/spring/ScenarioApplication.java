package io.openreplay.backend.filter.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A plain Spring Boot web application (no component scan): the README's registration and the controller. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({OpenReplayRegistration.class, ScenarioController.class})
class ScenarioApplication {
}
