package io.openreplay.backend.bench.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's state after a number of requests, as its {@code /soak/stats} reports it with no request running.
 *
 * @param requests the requests answered so far
 * @param heapUsedAfterGc the used heap right after full collections, in bytes
 * @param threads the live threads
 * @param threadNames the live threads by name, numbers left out ({@code http-nio-exec x12, ...})
 * @param classesLoaded the classes loaded now
 * @param classesUnloaded the classes unloaded so far
 * @param eventsChecked the units' events checked so far
 * @param mismatches the events that carried another token or session id than their request's, or one where it sent none
 * @param missing the events that lacked their request's token or session id
 * @param servedAgain how many times the application was asked to serve a request number it had served already
 * @param eventsByUnit the events checked of each unit ({@code request}, {@code executor}, ...)
 * @param examples the first bad events, as text
 * @param seconds the time since the first request
 */
public record Checkpoint(long requests, long heapUsedAfterGc, int threads, String threadNames, int classesLoaded, long classesUnloaded,
    long eventsChecked, long mismatches, long missing, long servedAgain, Map<String, Long> eventsByUnit,
    List<String> examples, double seconds) {

  /**
   * @param requests the requests answered so far
   * @param stats the text of {@code /soak/stats}
   * @param seconds the time since the first request
   * @return the checkpoint
   */
  static Checkpoint parse(long requests, String stats, double seconds) {
    Map<String, String> values = new HashMap<>();
    List<String> examples = new ArrayList<>();
    Map<String, Long> units = new TreeMap<>();
    for (String line : stats.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        String key = line.substring(0, equals);
        if (key.startsWith("example")) {
          examples.add(line.substring(equals + 1));
        } else if (key.startsWith("unit.")) {
          units.put(key.substring("unit.".length()), Long.parseLong(line.substring(equals + 1).trim()));
        } else {
          values.put(key, line.substring(equals + 1).trim());
        }
      }
    }
    return new Checkpoint(requests, Long.parseLong(values.get("heapUsedAfterGc")),
        Integer.parseInt(values.get("threads")), values.getOrDefault("threadNames", ""),
        Integer.parseInt(values.get("classesLoaded")),
        Long.parseLong(values.get("classesUnloaded")), Long.parseLong(values.get("eventsChecked")),
        Long.parseLong(values.get("mismatches")), Long.parseLong(values.get("missing")),
        Long.parseLong(values.getOrDefault("servedAgain", "0")), Map.copyOf(units), List.copyOf(examples),
        seconds);
  }

  /**
   * @return the used heap after full collections, in MB
   */
  double heapMegabytes() {
    return heapUsedAfterGc / (1024.0 * 1024.0);
  }
}
