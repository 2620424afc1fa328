package io.openreplay.backend.sample.demo;

import io.openreplay.backend.sample.SampleApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sample application in a JVM of its own, started with {@code -javaagent}. Its output goes to a log file; its
 * standard input is a pipe from this process, and it stops when that pipe closes (see
 * {@link SampleApp#EXIT_WITH_STDIN}), so it never outlives the demo, even one that is killed.
 */
public final class SampleAppProcess implements AutoCloseable {

  private final Process process;
  private final CompletableFuture<URI> baseUrl;
  private final Thread outputPump;

  private SampleAppProcess(Process process, CompletableFuture<URI> baseUrl, Thread outputPump) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.outputPump = outputPump;
  }

  /**
   * Starts the application and waits until it serves.
   *
   * @param agentJar the OpenReplay agent jar
   * @param classPath the application's class path
   * @param settings its environment and system properties
   * @param logFile where its output goes
   * @param timeout the longest wait for it to serve
   * @return the running application
   * @throws IOException when the JVM cannot be started, or the application does not serve in time
   * @throws InterruptedException when interrupted while waiting
   */
  public static SampleAppProcess start(Path agentJar, String classPath, ChildSettings settings, Path logFile,
      Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + agentJar.toAbsolutePath());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.net.preferIPv4Stack=true");
    for (Map.Entry<String, String> property : settings.systemProperties().entrySet()) {
      command.add("-D" + property.getKey() + "=" + property.getValue());
    }
    command.add("-cp");
    command.add(classPath);
    command.add(SampleApp.class.getName());
    command.add(SampleApp.EXIT_WITH_STDIN);

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    settings.applyTo(builder.environment());
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    Process process = builder.start();
    CompletableFuture<URI> baseUrl = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, logFile, baseUrl), "sample-app-output");
    pump.setDaemon(true);
    pump.start();
    SampleAppProcess app = new SampleAppProcess(process, baseUrl, pump);
    try {
      baseUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      app.close();
      throw new IOException("the sample app did not start within " + timeout.toSeconds() + " s (exit code "
          + (process.isAlive() ? "none, still running" : process.exitValue()) + "); see " + logFile, e);
    }
    return app;
  }

  private static void pump(Process process, Path logFile, CompletableFuture<URI> baseUrl) {
    try (BufferedReader output = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = output.readLine()) != null) {
        log.write(line);
        log.write('\n');
        if (!baseUrl.isDone() && line.startsWith(SampleApp.LISTENING)) {
          log.flush();
          baseUrl.complete(URI.create(line.substring(SampleApp.LISTENING.length()).trim()));
        }
      }
    } catch (IOException e) {
      baseUrl.completeExceptionally(e);
    } finally {
      baseUrl.completeExceptionally(new IOException("the sample app ended before it served"));
    }
  }

  /**
   * @return the application's base URL, e.g. {@code http://127.0.0.1:40123}
   */
  public URI baseUrl() {
    return baseUrl.join();
  }

  /**
   * @return the operating system's id of the application's process
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Asks the application to stop (closes its standard input) and waits for it: it stops Jetty, then logback, whose
   * appenders send what they still hold. Kills it when it does not end in time.
   *
   * @param timeout the longest wait
   * @return the exit code, or empty when it had to be killed
   * @throws InterruptedException when interrupted while waiting
   */
  public OptionalInt stop(Duration timeout) throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is already gone: the process is ending anyway.
      process.destroy();
    }
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      outputPump.join(TimeUnit.SECONDS.toMillis(5));
      return OptionalInt.of(process.exitValue());
    }
    close();
    return OptionalInt.empty();
  }

  /** Ends the process at once (and its descendants, should it have any) and waits for it. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
