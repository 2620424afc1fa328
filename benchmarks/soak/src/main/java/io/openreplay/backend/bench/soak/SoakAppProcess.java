package io.openreplay.backend.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The soak app's JVM: its merged output written to a file line by line, the port taken from its announcement
 * ({@code soak app serving on http://127.0.0.1:PORT/}), ended by {@link #close()} or when this JVM exits.
 */
final class SoakAppProcess implements AutoCloseable {

  private static final String ANNOUNCEMENT = "soak app serving on http://127.0.0.1:";

  private final Process process;
  private final Path log;
  /** The port, once announced; failed when the output ends first. */
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  /** Done when the whole output has been written to the log. */
  private final CompletableFuture<Void> outputWritten;
  /** Ends the application when this JVM ends first. */
  private final Thread killer;

  private SoakAppProcess(List<String> command, Path log) throws IOException {
    this.log = log;
    this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
    this.killer = new Thread(process::destroyForcibly, "soak-app-kill");
    Runtime.getRuntime().addShutdownHook(killer);
    this.outputWritten = CompletableFuture.runAsync(this::readOutput, task -> {
      Thread reader = new Thread(task, "soak-app-output");
      reader.setDaemon(true);
      reader.start();
    });
  }

  static SoakAppProcess start(List<String> command, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    return new SoakAppProcess(command, log);
  }

  Path log() {
    return log;
  }

  /**
   * @return whether the application still runs, or how it ended
   */
  String state() {
    return process.isAlive() ? "the application is running" : "the application ended with exit code "
        + process.exitValue();
  }

  int awaitPort(Duration timeout) throws IOException, InterruptedException {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("the soak app did not announce its port within " + timeout + "; see " + log, e);
    } catch (ExecutionException e) {
      throw new IOException("the soak app ended before serving; see " + log, e.getCause());
    }
  }

  private void readOutput() {
    try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        int at = line.indexOf(ANNOUNCEMENT);
        if (!port.isDone() && at >= 0) {
          out.flush();
          String rest = line.substring(at + ANNOUNCEMENT.length());
          port.complete(Integer.parseInt(rest.substring(0, rest.indexOf('/'))));
        }
      }
    } catch (IOException | RuntimeException e) {
      port.completeExceptionally(e);
    } finally {
      port.completeExceptionally(new IOException("output ended"));
    }
  }

  /** Stops the application (SIGTERM, then SIGKILL after 30 s) and waits (30 s at most) for its output to be written. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    try {
      outputWritten.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the log may lack the end of the output
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }
}
