package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux accounts to one process, read from {@code /proc/PID/stat} (CPU time) and {@code /proc/PID/status}
 * (resident memory).
 */
final class ProcessMeter {

  private final Path stat;
  private final Path status;
  private final long ticksPerSecond;

  /**
   * @param pid the process to read
   * @param ticksPerSecond the kernel's clock ticks per second ({@code getconf CLK_TCK})
   */
  ProcessMeter(long pid, long ticksPerSecond) {
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.ticksPerSecond = ticksPerSecond;
  }

  /**
   * @return user plus system CPU time the process has used so far, all its threads, in microseconds
   * @throws IOException when the process is gone
   */
  long cpuMicros() throws IOException {
    String line = Files.readString(stat, StandardCharsets.US_ASCII);
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" +");
    long utime = Long.parseLong(fields[14 - 3]);
    long stime = Long.parseLong(fields[15 - 3]);
    return (utime + stime) * 1_000_000L / ticksPerSecond;
  }

  /**
   * @return the process's resident set size ({@code VmRSS}), in kilobytes
   * @throws IOException when the process is gone or the line is missing
   */
  long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("no VmRSS in " + status);
  }

  /**
   * The kernel's clock ticks per second, in which {@code /proc/PID/stat} counts CPU time.
   *
   * @return {@code getconf CLK_TCK}, or 100 (Linux's value on every common architecture) when it cannot be run
   */
  static long kernelTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (getconf.waitFor() == 0 && out.matches("\\d+")) {
        return Long.parseLong(out);
      }
    } catch (IOException e) {
      // Fall through to Linux's usual value.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }
}
