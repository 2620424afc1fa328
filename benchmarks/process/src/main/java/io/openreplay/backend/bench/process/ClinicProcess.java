package io.openreplay.backend.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clinic JVM: started with {@link #start(List, Path)}, its output copied line by line to a log file, the port it
 * announces picked out of that output, ended by {@link #close()}, or killed when the benchmark's JVM exits first.
 */
final class ClinicProcess implements AutoCloseable {

  /** The clinic's line once Tomcat accepts connections (its {@code ServingAnnouncement}). */
  private static final Pattern ANNOUNCEMENT = Pattern.compile("clinic serving on http://127\\.0\\.0\\.1:(\\d+)/");

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path logFile;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread outputCopier;
  private final Thread killOnExit;

  private ClinicProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
    this.outputCopier = new Thread(this::copyOutput, "clinic-output-" + process.pid());
    this.outputCopier.setDaemon(true);
    this.killOnExit = new Thread(process::destroyForcibly, "clinic-kill-" + process.pid());
  }

  /**
   * Starts the JVM; its standard output and error go, merged, to {@code logFile}.
   *
   * @param command the {@code java} command line
   * @param logFile where the output is written
   * @return the running clinic
   * @throws IOException when the process cannot be started
   */
  static ClinicProcess start(List<String> command, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ClinicProcess clinic = new ClinicProcess(process, logFile);
    // Ctrl-C or SIGTERM of the benchmark ends the clinic too.
    Runtime.getRuntime().addShutdownHook(clinic.killOnExit);
    clinic.outputCopier.start();
    return clinic;
  }

  /**
   * @return the process id, for {@code /proc}
   */
  long pid() {
    return process.pid();
  }

  /**
   * @return the log file of this run
   */
  Path logFile() {
    return logFile;
  }

  /**
   * Waits until the clinic announces its port.
   *
   * @param timeout how long to wait
   * @return the port on 127.0.0.1
   * @throws IOException when the clinic ended, or did not announce in time
   * @throws InterruptedException when interrupted while waiting
   */
  int awaitPort(Duration timeout) throws IOException, InterruptedException {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("the clinic did not announce its port within " + timeout + "; see " + logFile, e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private void copyOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        if (!port.isDone()) {
          Matcher matcher = ANNOUNCEMENT.matcher(line);
          if (matcher.find()) {
            out.flush();
            port.complete(Integer.parseInt(matcher.group(1)));
          }
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(new UncheckedIOException("reading the clinic's output failed", e));
    } finally {
      port.completeExceptionally(new IOException("the clinic ended before serving (exit "
          + exitValueOrRunning() + "); see " + logFile));
    }
  }

  private String exitValueOrRunning() {
    try {
      return Integer.toString(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? process.exitValue() : -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * Stops the clinic (SIGTERM, then SIGKILL if it has not ended within 30 s) and waits for its output to end. When
   * interrupted, kills it at once and keeps the interrupt.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      outputCopier.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }
}
