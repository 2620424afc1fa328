package io.openreplay.backend.filter.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The application's endpoints: one logs an error, one throws and leaves the error to the container. */
@RestController
class ScenarioController {

  static final Logger LOG = LoggerFactory.getLogger("openreplay.test.spring");

  @GetMapping("/log")
  String log(@RequestParam("id") String id) {
    LOG.error("payment failed id={}", id);
    return "logged " + id;
  }

  @GetMapping("/boom")
  String boom(@RequestParam("id") String id) {
    throw new IllegalStateException("boom " + id);
  }
}
