package io.openreplay.backend.rollbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class that sends items to a loopback Rollbar: one receiver a class, emptied before each test, which must
 * have refused nothing after it; {@link #since} is the {@code T} of OpenReplay's RQL job for the test.
 */
abstract class LoopbackRollbarTest {

  /** The class's receiver. */
  static RollbarReceiver receiver;

  /** A second before the test started. */
  Instant since;

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = RollbarReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void clearReceiver() {
    receiver.clear();
    since = Instant.now().minusSeconds(1);
  }

  @AfterEach
  void nothingRefused() {
    assertEquals(List.of(), receiver.problems());
  }
}
