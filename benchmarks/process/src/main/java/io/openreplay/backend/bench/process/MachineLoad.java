package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, printed with each run: other work on the machine inflates the clinic's CPU time and
 * start-up, and a run's numbers are read with it in mind.
 */
final class MachineLoad {

  private MachineLoad() {
  }

  /**
   * @return the 1-minute load average from {@code /proc/loadavg}, or {@code ?} when it cannot be read
   */
  static String oneMinute() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
      return line.substring(0, line.indexOf(' '));
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
