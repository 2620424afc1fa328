package io.openreplay.backend.bench.soakapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the checked events carried, counted since the application started: every unit's event, the events that carried
 * a token or session id other than their request's (or any, for a request without one), the events that lacked their
 * request's, and the first few of the bad ones, as text. Nothing here grows with the number of events (there are
 * a handful of units).
 */
final class TokenTally {

  /** How many bad events are kept as examples. */
  static final int EXAMPLES = 5;

  private static final LongAdder CHECKED = new LongAdder();
  private static final Map<String, LongAdder> UNITS = new ConcurrentSkipListMap<>();
  private static final LongAdder MISMATCHES = new LongAdder();
  private static final LongAdder MISSING = new LongAdder();
  private static final AtomicInteger EXAMPLE_COUNT = new AtomicInteger();
  private static final AtomicReferenceArray<String> EXAMPLE_TEXTS = new AtomicReferenceArray<>(EXAMPLES);

  private TokenTally() {
  }

  /**
   * Counts one unit's event.
   *
   * @param unit what the unit is ({@code request}, {@code executor}, ...)
   * @param expected what its request sent (token and session id, {@code null} where nothing)
   * @param seen what the event carried: its MDC's token and session id, and the rendered line's
   * @param prefixes how often the rendered line has the session-id part of the prefix (once at most)
   * @param line the rendered line, for the examples
   */
  static void record(String unit, Expectation expected, Seen seen, int prefixes, String line) {
    CHECKED.increment();
    UNITS.computeIfAbsent(unit, name -> new LongAdder()).increment();
    String token = Expectation.valueOf(expected.token());
    String sessionId = Expectation.valueOf(expected.sessionId());
    boolean wrong = prefixes > 1
        || isOther(token, seen.mdcToken()) || isOther(sessionId, seen.mdcSessionId())
        || isOther(token, seen.renderedToken()) || isOther(sessionId, seen.renderedSessionId());
    boolean lacking = !wrong && (lacks(token, seen.mdcToken()) || lacks(sessionId, seen.mdcSessionId())
        || lacks(token, seen.renderedToken()) || lacks(sessionId, seen.renderedSessionId()));
    if (wrong) {
      MISMATCHES.increment();
    } else if (lacking) {
      MISSING.increment();
    } else {
      return;
    }
    int slot = EXAMPLE_COUNT.getAndIncrement();
    if (slot < EXAMPLES) {
      EXAMPLE_TEXTS.set(slot, (wrong ? "mismatch: " : "missing: ") + seen + " in " + line.strip());
    }
  }

  private static boolean isOther(String expected, String seen) {
    return seen != null && !Objects.equals(expected, seen);
  }

  private static boolean lacks(String expected, String seen) {
    return expected != null && seen == null;
  }

  /**
   * @return how many events were checked
   */
  static long checked() {
    return CHECKED.sum();
  }

  /**
   * @return the events checked of each unit, by the unit's name
   */
  static Map<String, Long> checkedByUnit() {
    Map<String, Long> counts = new TreeMap<>();
    UNITS.forEach((unit, count) -> counts.put(unit, count.sum()));
    return counts;
  }

  /**
   * @return how many carried another token or session id than their request's, or one where it sent none
   */
  static long mismatches() {
    return MISMATCHES.sum();
  }

  /**
   * @return how many lacked their request's token or session id (and carried no other)
   */
  static long missing() {
    return MISSING.sum();
  }

  /**
   * @return the first bad events, as text
   */
  static List<String> examples() {
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < EXAMPLES; i++) {
      String example = EXAMPLE_TEXTS.get(i);
      if (example != null) {
        examples.add(example);
      }
    }
    return examples;
  }

  /**
   * What one event carried.
   *
   * @param mdcToken the event's MDC {@code openReplaySessionToken}
   * @param mdcSessionId the event's MDC {@code openReplaySession.id}
   * @param renderedToken the token in the rendered line's prefix
   * @param renderedSessionId the session id in the rendered line's prefix
   */
  record Seen(String mdcToken, String mdcSessionId, String renderedToken, String renderedSessionId) {
  }
}
