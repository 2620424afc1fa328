package io.openreplay.backend.sample.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo as the README's command runs it: {@code java -cp ... Demo [args]} in a process of its own, with the class
 * path, agent jar and work folder the build gives (system properties set by the pom).
 */
final class DemoRun implements AutoCloseable {

  private static final Pattern APP_PID = Pattern.compile("sample app: pid (\\d+),");
  private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final CompletableFuture<Long> appPid = new CompletableFuture<>();
  private final Thread reader;

  private DemoRun(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "demo-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the demo.
   *
   * @param name a name for its work folder
   * @param args the demo's arguments
   * @return the running demo
   * @throws IOException when it cannot start
   */
  static DemoRun start(String name, String... args) throws IOException {
    String classPath = property("openreplay.demo.appClasses") + java.io.File.pathSeparator
        + Files.readString(Path.of(property("openreplay.demo.classpathFile"))).strip();
    Path workDirectory = Path.of(property("openreplay.demo.appClasses")).getParent().resolve("demo-test-" + name);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dopenreplay.demo.agentJar=" + property("openreplay.demo.agentJar"));
    command.add("-Dopenreplay.demo.workDir=" + workDirectory);
    command.add("-cp");
    command.add(classPath);
    command.add(Demo.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DEMO_BREAK");
    return new DemoRun(builder.start());
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (the sample-app pom sets it)");
    }
    return value;
  }

  private void read() {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        System.out.println("[demo] " + line);
        synchronized (lines) {
          lines.add(line);
        }
        Matcher pid = APP_PID.matcher(line);
        if (pid.find()) {
          appPid.complete(Long.parseLong(pid.group(1)));
        }
      }
    } catch (IOException e) {
      appPid.completeExceptionally(e);
    } finally {
      appPid.completeExceptionally(new IllegalStateException("the demo ended before it started the sample app"));
    }
  }

  /**
   * @param timeout the longest wait
   * @return the demo's exit code
   * @throws InterruptedException when interrupted
   * @throws IllegalStateException when it did not end in time (it is killed then)
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException("the demo did not end within " + timeout.toSeconds() + " s:\n" + output());
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /**
   * @param timeout the longest wait
   * @return the sample app's process id, once the demo has started it
   * @throws Exception when the demo did not start it in time
   */
  long awaitAppPid(Duration timeout) throws Exception {
    return appPid.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends the demo SIGTERM, which runs its shutdown hooks as Ctrl-C does. */
  void interrupt() {
    process.destroy();
  }

  /** Kills the demo (SIGKILL): no shutdown hook runs, only its pipe to the sample app closes. */
  void kill() {
    process.destroyForcibly();
  }

  /**
   * @return the demo's output so far
   */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * @return the last line the demo printed, or empty
   */
  Optional<String> lastLine() {
    synchronized (lines) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return Optional.of(lines.get(i));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * @return every port on 127.0.0.1 the demo printed (its receivers and the sample app)
   */
  Set<Integer> printedPorts() {
    Set<Integer> ports = new LinkedHashSet<>();
    Matcher matcher = LOOPBACK_PORT.matcher(output());
    while (matcher.find()) {
      ports.add(Integer.parseInt(matcher.group(1)));
    }
    return ports;
  }

  /**
   * @param port a port
   * @return whether nothing listens on 127.0.0.1:port (it can be bound again)
   */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @param pid a process id
   * @return whether that process still runs
   */
  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
