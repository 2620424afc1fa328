package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShutdownDeadlineTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  private ShutdownDeadline deadline(long budgetMillis) {
    return new ShutdownDeadline(budgetMillis, nanos::get, shuttingDown::get);
  }

  private void pass(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void outsideTheShutdownEachStopKeepsItsOwnBound() {
    ShutdownDeadline deadline = deadline(1000);
    assertEquals(5000, deadline.waitMillis(5000));
    pass(60_000);
    assertEquals(5000, deadline.waitMillis(5000));
    assertEquals(0, deadline.waitMillis(0));
    assertEquals(0, deadline.waitMillis(-3));
  }

  @Test
  void duringTheShutdownTheStopsShareTheBudgetFromTheFirstOne() {
    ShutdownDeadline deadline = deadline(10_000);
    pass(60_000);
    shuttingDown.set(true);
    pass(30_000);
    assertEquals(5000, deadline.waitMillis(5000), "the first stop starts the deadline and keeps its own bound");
    pass(5000);
    assertEquals(5000, deadline.waitMillis(5000), "5 s of the 10 s are left");
    pass(3000);
    assertEquals(2000, deadline.waitMillis(5000), "2 s are left");
    assertEquals(1500, deadline.waitMillis(1500), "a bound below what is left is kept");
    pass(2000);
    assertEquals(0, deadline.waitMillis(5000), "the budget is spent");
    pass(60_000);
    assertEquals(0, deadline.waitMillis(5000), "it is not started again");
  }

  @Test
  void aStopThatDoesNotWaitDoesNotStartTheDeadline() {
    ShutdownDeadline deadline = deadline(10_000);
    shuttingDown.set(true);
    assertEquals(0, deadline.waitMillis(0));
    pass(20_000);
    assertEquals(5000, deadline.waitMillis(5000));
  }

  @Test
  void aZeroBudgetLetsNothingWaitDuringTheShutdown() {
    ShutdownDeadline deadline = deadline(0);
    assertEquals(5000, deadline.waitMillis(5000));
    shuttingDown.set(true);
    assertEquals(0, deadline.waitMillis(5000));
  }

  @Test
  void aShortenedStopIsToldWhy() {
    ShutdownDeadline deadline = deadline(10_000);
    assertEquals("", deadline.shortenedNote(5000, 5000));
    assertEquals(" (not 5000 ms: what was left of the shutdown's 10000 ms, openreplay.shutdown.maxStopMillis)",
        deadline.shortenedNote(5000, 1200));
  }

  @Test
  void theBudgetIsAWholeNumberOfMillisecondsOrTheDefault() {
    assertEquals(ShutdownDeadline.DEFAULT_BUDGET_MILLIS, ShutdownDeadline.budgetMillisOf(null));
    assertEquals(ShutdownDeadline.DEFAULT_BUDGET_MILLIS, ShutdownDeadline.budgetMillisOf(" "));
    assertEquals(ShutdownDeadline.DEFAULT_BUDGET_MILLIS, ShutdownDeadline.budgetMillisOf("10s"));
    assertEquals(ShutdownDeadline.DEFAULT_BUDGET_MILLIS, ShutdownDeadline.budgetMillisOf("-1"));
    assertEquals(2500, ShutdownDeadline.budgetMillisOf(" 2500 "));
    assertEquals(0, ShutdownDeadline.budgetMillisOf("0"));
    assertThrows(IllegalArgumentException.class, () -> deadline(-1));
  }

  @Test
  void theProcessDeadlineTellsTheShutdownApart() throws IOException, InterruptedException {
    assertFalse(ShutdownDeadline.jvmShuttingDown(), "a test runs before the shutdown");
    assertEquals(5000, ShutdownDeadline.ofProcess().waitMillis(5000));

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + ShutdownDeadline.PROPERTY + "=300", "-cp", System.getProperty("java.class.path"),
        InShutdown.class.getName()).redirectErrorStream(true).start();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM exits");
    List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, child.exitValue(), String.join("\n", lines));
    assertTrue(lines.contains("before the shutdown: 5000"), String.join("\n", lines));
    assertTrue(lines.contains("budget: 300"), String.join("\n", lines));
    long first = lines.stream().filter(line -> line.startsWith("the first stop: ")).findFirst()
        .map(line -> Long.parseLong(line.substring("the first stop: ".length()))).orElseThrow();
    assertTrue(first > 0 && first <= 300, "the first stop during the shutdown gets the budget at most: " + lines);
    assertTrue(lines.contains("the stop after it: 0"), "the first stop spent the budget: " + lines);
  }

  /** A JVM whose shutdown hook is a bounded stop that spends what it is given, then another. */
  static final class InShutdown {

    public static void main(String[] args) {
      ShutdownDeadline deadline = ShutdownDeadline.ofProcess();
      System.out.println("budget: " + deadline.budgetMillis());
      System.out.println("before the shutdown: " + deadline.waitMillis(5000));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        long first = deadline.waitMillis(5000);
        System.out.println("the first stop: " + first);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(first);
        while (end - System.nanoTime() > 0) {
          // A stop waiting for a provider that never answers, until its bound.
          try {
            TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
          } catch (InterruptedException e) {
            return;
          }
        }
        System.out.println("the stop after it: " + deadline.waitMillis(5000));
      }));
    }
  }
}
