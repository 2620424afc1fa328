package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What Linux accounts to one process, read from {@code /proc/PID/task/TID/schedstat} (CPU time of its threads) and
 * {@code /proc/PID/status} (resident memory).
 */
final class ProcessMeter {

  private final Path tasks;
  private final Path status;

  /**
   * @param pid the process to read
   */
  ProcessMeter(long pid) {
    this.tasks = Path.of("/proc", Long.toString(pid), "task");
    this.status = Path.of("/proc", Long.toString(pid), "status");
  }

  /**
   * The CPU time the process's threads have been running so far, but its JIT compiler threads: each thread's on-CPU
   * time from {@code /proc/PID/task/TID/schedstat} (nanoseconds, where {@code /proc/PID/stat} counts 10 ms ticks),
   * summed over the threads alive now. The compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}) are
   * left out: long after start-up they still recompile in bursts that land in any stretch of requests, and made one
   * process's CPU per request vary by up to a third from one stretch to the next, whatever was sent.
   *
   * @return the CPU time, in microseconds
   * @throws IOException when the process is gone
   */
  long cpuMicros() throws IOException {
    return threadsCpuMicros(false);
  }

  /**
   * The CPU time of the JIT compiler threads alone, the part {@link #cpuMicros()} leaves out: while they still work,
   * the code the requests run is still being compiled, and each request costs more than it will once they are done.
   *
   * @return the compiler threads' CPU time, in microseconds
   * @throws IOException when the process is gone
   */
  long compilerCpuMicros() throws IOException {
    return threadsCpuMicros(true);
  }

  private long threadsCpuMicros(boolean compilers) throws IOException {
    long nanos = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(this.tasks)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
          if (isCompiler(name) != compilers) {
            continue;
          }
          String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII).trim();
          nanos += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (NoSuchFileException ended) {
          // the thread ended between the listing and the reading
        }
      }
    }
    return nanos / 1_000L;
  }

  private static boolean isCompiler(String threadName) {
    return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
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
}
