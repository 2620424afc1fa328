package io.openreplay.backend.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Text a formatter rendered (a log file or the console), split into records: a record begins at each line that
 * {@code start} matches and runs until the next one, its stack trace included. The part of the first line that
 * {@code start} matched (a time stamp) is left out of {@link #normalised()}.
 *
 * @param name what the text is, for messages
 * @param records the records, each with its lines joined by {@code \n}
 * @param start what begins a record
 */
record RenderedLog(String name, List<String> records, Pattern start) {

  private static final Pattern EXEC_THREAD = Pattern.compile("-exec-\\d+\\]");

  /**
   * Reads {@code source} again until one of its records mentions {@code doneWhenMentioned}, at most {@code timeout}.
   */
  static RenderedLog await(String name, TextSource source, Pattern start, String doneWhenMentioned, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      RenderedLog log = of(name, source.read(), start);
      if (!log.mentioning(doneWhenMentioned).isEmpty() || System.nanoTime() - deadline > 0) {
        return log;
      }
      synchronized (RenderedLog.class) {
        RenderedLog.class.wait(50);
      }
    }
  }

  static RenderedLog of(String name, String text, Pattern start) {
    List<String> records = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\\R")) {
      if (start.matcher(line).lookingAt()) {
        if (current != null) {
          records.add(current.toString());
        }
        current = new StringBuilder(line);
      } else if (current != null) {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      records.add(current.toString());
    }
    return new RenderedLog(name, records, start);
  }

  /** The records that mention {@code text} anywhere (message or stack trace). */
  List<String> mentioning(String text) {
    return records.stream().filter(record -> record.contains(text)).toList();
  }

  /** The one record whose first line mentions {@code text}; fails when there is not exactly one. */
  String lineOf(String text) {
    List<String> lines = records.stream().map(RenderedLog::firstLine).filter(line -> line.contains(text)).toList();
    if (lines.size() != 1) {
      throw new AssertionError(name + ": expected one line with '" + text + "', found " + lines + " in " + records);
    }
    return lines.get(0);
  }

  /**
   * The records that mention any of {@code markers}, each as its lines without the time stamp, without stack
   * frames ({@code \tat ...}, {@code \t... N more}) and with the number of the pool thread that served the request
   * left out ({@code -exec-N}: which of Tomcat's threads serves a request varies from run to run), in order.
   */
  List<String> normalised(String... markers) {
    List<String> out = new ArrayList<>();
    for (String record : records) {
      if (Stream.of(markers).noneMatch(record::contains)) {
        continue;
      }
      Matcher stamp = start.matcher(record);
      String body = stamp.lookingAt() ? record.substring(stamp.end()) : record;
      StringBuilder kept = new StringBuilder();
      for (String line : body.split("\n")) {
        String frame = line.stripLeading();
        if (!frame.startsWith("at ") && !frame.startsWith("...")) {
          kept.append(EXEC_THREAD.matcher(line).replaceAll("-exec-N]")).append('\n');
        }
      }
      out.add(kept.toString());
    }
    return out;
  }

  static String firstLine(String record) {
    int end = record.indexOf('\n');
    return end < 0 ? record : record.substring(0, end);
  }

  /** Where the text comes from, read again at each look. */
  interface TextSource {
    String read() throws IOException;

    /** A file, or nothing while it does not exist. */
    static TextSource file(Path file) {
      return () -> Files.exists(file) ? Files.readString(file) : "";
    }

    /** The one file of {@code dir} whose name starts with {@code prefix} (a rotating handler's dated file). */
    static TextSource fileStartingWith(Path dir, String prefix) {
      return () -> {
        if (!Files.isDirectory(dir)) {
          return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
          List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
          return found.isEmpty() ? "" : Files.readString(found.get(found.size() - 1));
        }
      };
    }
  }
}
