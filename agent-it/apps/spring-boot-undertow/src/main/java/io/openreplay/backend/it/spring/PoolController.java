package io.openreplay.backend.it.spring;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /pool}: logs an error from a task on the application's own executor and answers the name of the thread
 * that ran it. Found by {@link SpringApp}'s component scan, in the Undertow app only.
 */
@RestController
public class PoolController {

  private static final Logger LOG = LoggerFactory.getLogger(PoolController.class);

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  /** Stops the executor. */
  @PreDestroy
  public void stop() {
    pool.shutdownNow();
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
