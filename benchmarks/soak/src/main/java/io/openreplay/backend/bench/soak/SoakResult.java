package io.openreplay.backend.bench.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * One setup's soak: its checkpoints, the requests that were answered wrongly, and the verdict. The first checkpoint
 * is the reference: the heap after a full GC at the last one must be within {@value #HEAP_TOLERANCE} of it (either
 * way), and the threads and loaded classes no more than it plus {@value #THREAD_SLACK} and {@value #CLASS_SLACK}.
 *
 * @param setup the setup
 * @param checkpoints the checkpoints, in order
 * @param failedRequests the requests whose answer was wrong
 * @param firstFailure what was wrong with the first of them, or {@code null}
 * @param expectedEvents the events the requests sent must have logged
 */
public record SoakResult(SoakSetup setup, List<Checkpoint> checkpoints, long failedRequests, String firstFailure,
    long expectedEvents) {

  /** How far the heap after a full GC may move from the first checkpoint to the last, as a fraction. */
  public static final double HEAP_TOLERANCE = 0.05;
  /** How many more live threads than at the first checkpoint the last may have. */
  public static final int THREAD_SLACK = 0;
  /** How many more loaded classes than at the first checkpoint the last may have. */
  public static final int CLASS_SLACK = 32;

  /**
   * @return the last checkpoint, after every request
   */
  public Checkpoint last() {
    return checkpoints.get(checkpoints.size() - 1);
  }

  /**
   * @return the first checkpoint, the reference
   */
  public Checkpoint first() {
    return checkpoints.get(0);
  }

  /**
   * @return the heap after a full GC at the end over the one at the first checkpoint
   */
  public double heapRatio() {
    return (double) last().heapUsedAfterGc() / first().heapUsedAfterGc();
  }

  /**
   * @return live threads at the end less those at the first checkpoint
   */
  public int threadGrowth() {
    return last().threads() - first().threads();
  }

  /**
   * @return loaded classes at the end less those at the first checkpoint
   */
  public int classGrowth() {
    return last().classesLoaded() - first().classesLoaded();
  }

  /**
   * @return the events of units done outside any request (the application's {@code background ...} units)
   */
  public long backgroundEvents() {
    return last().eventsByUnit().entrySet().stream().filter(unit -> unit.getKey().startsWith("background "))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * @return the events of the requests' units
   */
  public long requestEvents() {
    return last().eventsChecked() - backgroundEvents();
  }

  /**
   * @return whether every request was served once, every event was checked and carried exactly its request's token,
   *     and work outside any request was done and checked too
   */
  public boolean tokensRight() {
    return failedRequests == 0 && last().servedAgain() == 0 && requestEvents() == expectedEvents
        && backgroundEvents() > 0 && last().mismatches() == 0
        && last().missing() == 0;
  }

  /**
   * @return whether the heap after a full GC stayed within the tolerance
   */
  public boolean heapFlat() {
    return Math.abs(heapRatio() - 1) <= HEAP_TOLERANCE;
  }

  /**
   * @return whether threads and loaded classes did not grow beyond their slack
   */
  public boolean noLeak() {
    return threadGrowth() <= THREAD_SLACK && classGrowth() <= CLASS_SLACK;
  }

  /**
   * @return whether the setup passed
   */
  public boolean passed() {
    return tokensRight() && heapFlat() && noLeak();
  }

  /**
   * Prints the summary and the verdict.
   *
   * @param out where to print
   */
  public void print(PrintStream out) {
    Checkpoint first = first();
    Checkpoint last = last();
    out.println(String.format(Locale.ROOT, "%s: requests %,d (answered wrongly: %,d), events checked %,d of %,d"
        + " (and %,d outside any request), mismatches %,d, missing %,d", setup.label(), last.requests(),
        failedRequests, requestEvents(), expectedEvents, backgroundEvents(), last.mismatches(), last.missing()));
    out.println("  events by unit: " + new TreeMap<>(last.eventsByUnit()) + (last.servedAgain() == 0 ? ""
        : String.format(Locale.ROOT, "; request numbers served again: %,d", last.servedAgain())));
    if (firstFailure != null) {
      out.println("  first wrong answer: " + firstFailure);
    }
    for (String example : last.examples()) {
      out.println("  " + example);
    }
    out.println(String.format(Locale.ROOT, "  heap after full GC: %.2f MB at %,d requests, %.2f MB at %,d (ratio %.3f,"
        + " flat within %.0f%%: %s)", first.heapMegabytes(), first.requests(), last.heapMegabytes(), last.requests(),
        heapRatio(), 100 * HEAP_TOLERANCE, heapFlat() ? "yes" : "NO"));
    out.println("  threads at the checkpoints: " + series(Checkpoint::threads) + String.format(Locale.ROOT,
        " (end - first: %+d)", threadGrowth()));
    if (threadGrowth() != 0) {
      out.println("    first: " + first.threadNames());
      out.println("    end:   " + last.threadNames());
    }
    out.println("  loaded classes at the checkpoints: " + series(Checkpoint::classesLoaded) + String.format(Locale.ROOT,
        " (end - first: %+d; unloaded in all: %,d)", classGrowth(), last.classesUnloaded()));
    out.println(String.format(Locale.ROOT, "  %,.0f requests/s over %.0f s", last.requests() / last.seconds(),
        last.seconds()));
    List<String> failed = new ArrayList<>();
    if (!tokensRight()) {
      failed.add("tokens");
    }
    if (!heapFlat()) {
      failed.add("heap");
    }
    if (!noLeak()) {
      failed.add("threads or classes");
    }
    out.println("  verdict: " + (failed.isEmpty() ? "PASS" : "FAIL (" + String.join(", ", failed) + ")"));
  }

  private String series(ToLongFunction<Checkpoint> value) {
    List<String> values = new ArrayList<>();
    for (Checkpoint checkpoint : checkpoints) {
      values.add(Long.toString(value.applyAsLong(checkpoint)));
    }
    return String.join(" ", values);
  }
}
