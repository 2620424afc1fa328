package io.openreplay.backend.testkit.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store every receiver keeps what it took in and refused in. */
class ReceivedItemsTest {

  private final ReceivedItems<String> received = new ReceivedItems<>();

  @Test
  void awaitReturnsTheMatchingItemsOnceEnoughArriveFromAnotherThread() throws InterruptedException {
    Thread sender = new Thread(() -> {
      received.add("error-1");
      received.addAll(List.of("info-1", "error-2", "error-3"));
    });
    sender.start();

    List<String> errors = received.await(item -> item.startsWith("error"), 2, Duration.ofSeconds(10));
    sender.join(TimeUnit.SECONDS.toMillis(10));

    assertTrue(errors.size() >= 2, () -> "got " + errors);
    assertEquals(List.of("error-1", "error-2", "error-3").subList(0, errors.size()), errors);
    assertEquals(List.of("error-1", "error-2", "error-3"), received.items(item -> item.startsWith("error")));
  }

  @Test
  void awaitGivesWhatArrivedWhenTheTimeRunsOut() throws InterruptedException {
    received.add("error-1");
    received.add("info-1");

    assertEquals(List.of("error-1"), received.await(item -> item.startsWith("error"), 2, Duration.ofMillis(50)));
    assertEquals(List.of(), received.await(item -> item.startsWith("warn"), 1, Duration.ZERO));
  }

  @Test
  void copiesStayAsTheyWereAndClearForgetsItemsAndProblems() {
    received.add("a");
    received.addProblem("path /nowhere");
    List<String> items = received.items();
    List<String> problems = received.problems();

    received.add("b");
    received.addProblem("method GET");
    assertEquals(List.of("a"), items);
    assertEquals(List.of("path /nowhere"), problems);
    assertEquals(List.of("a", "b"), received.items());
    assertEquals(List.of("path /nowhere", "method GET"), received.problems());

    received.clear();
    assertEquals(List.of(), received.items());
    assertEquals(List.of(), received.problems());
  }
}
