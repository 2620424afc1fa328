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
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;
  private final Thread killer;

  private SoakAppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reader = new Thread(this::readOutput, "soak-app-output");
    this.reader.setDaemon(true);
    this.killer = new Thread(process::destroyForcibly, "soak-app-kill");
  }

  static SoakAppProcess start(List<String> command, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    SoakAppProcess app = new SoakAppProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    Runtime.getRuntime().addShutdownHook(app.killer);
    app.reader.start();
    return app;
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

  /** Stops the application (SIGTERM, then SIGKILL after 30 s) and waits for its output to be written. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }
}
