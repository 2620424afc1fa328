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
  private final Path logFile;
  private final CompletableFuture<URI> baseUrl;
  private final Thread outputPump;

  private SampleAppProcess(Process process, Path logFile, CompletableFuture<URI> baseUrl, Thread outputPump) {
    this.process = process;
    this.logFile = logFile;
    this.baseUrl = baseUrl;
    this.outputPump = outputPump;
  }

  /**
   * Starts the application; {@link #awaitServing(Duration)} waits until it serves.
   *
   * @param agentJar the OpenReplay agent jar
   * @param classPath the application's class path
   * @param settings its environment and system properties
   * @param logFile where its output goes
   * @return the starting application
   * @throws IOException when the JVM cannot be started
   */
  public static SampleAppProcess launch(Path agentJar, String classPath, ChildSettings settings, Path logFile)
      throws IOException {
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
    return new SampleAppProcess(process, logFile, baseUrl, pump);
  }

  /**
   * Waits until the application serves.
   *
   * @param timeout the longest wait
   * @return its base URL, e.g. {@code http://127.0.0.1:40123}
   * @throws IOException when it does not serve in time (it is ended then)
   * @throws InterruptedException when interrupted while waiting
   */
  public URI awaitServing(Duration timeout) throws IOException, InterruptedException {
    try {
      return baseUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IOException("the sample app did not start within " + timeout.toSeconds() + " s (exit code "
          + (process.isAlive() ? "none" : process.exitValue()) + "); see " + logFile, e);
    }
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

  /**
   * Ends the process at once (and its descendants, should it have any) and waits for it, and for the rest of its
   * output to reach the log file.
   */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        outputPump.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
