package io.openreplay.backend.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's JSON log file, one logstash-logback-encoder document a line: {@code message}, {@code level},
 * {@code logger_name}, {@code thread_name}, {@code stack_trace} and one field per entry of the event's MDC map.
 */
final class AppLog {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path file;

  AppLog(Path file) {
    this.file = file;
  }

  /** Every event written so far; a line still being written is skipped. */
  List<JsonNode> events() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(JSON.readTree(line));
      } catch (RuntimeException partial) {
        // the appender is still writing this line
      }
    }
    return events;
  }

  /** Waits until at least {@code count} events match, at most {@code timeout}, polling the file. */
  List<JsonNode> await(Predicate<JsonNode> filter, int count, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JsonNode> matching = events().stream().filter(filter).toList();
      if (matching.size() >= count || System.nanoTime() - deadline > 0) {
        return matching;
      }
      synchronized (this) {
        wait(50);
      }
    }
  }

  static String text(JsonNode event, String field) {
    JsonNode node = event.path(field);
    return node.isString() ? node.asString() : null;
  }

  static Predicate<JsonNode> messageContains(String text) {
    return event -> {
      String message = text(event, "message");
      return message != null && message.contains(text);
    };
  }

  static Predicate<JsonNode> mentions(String text) {
    return event -> {
      String message = text(event, "message");
      String stack = text(event, "stack_trace");
      return (message != null && message.contains(text)) || (stack != null && stack.contains(text));
    };
  }
}
