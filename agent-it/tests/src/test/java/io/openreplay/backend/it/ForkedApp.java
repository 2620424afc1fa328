package io.openreplay.backend.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test app running in a JVM of its own, started as a user would: {@code java [-javaagent:openreplay-agent.jar]
 * -cp APP_CLASSPATH MAIN}, plus the app's own settings. Its output goes to a file in the build folder; it serves on
 * 127.0.0.1 on the port it prints.
 */
final class ForkedApp implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final Process process;
  private final Path output;
  private final Path logFile;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ForkedApp(String name, Process process, Path output, Path logFile, int port) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.logFile = logFile;
    this.port = port;
  }

  /** How to start an app. */
  static final class Launch {
    private final String app;
    private final String mainClass;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private boolean agent = true;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();

    private Launch(String app, String mainClass) {
      this.app = app;
      this.mainClass = mainClass;
    }

    Launch withoutAgent() {
      agent = false;
      return this;
    }

    Launch javaHome(Path home) {
      javaHome = home;
      return this;
    }

    Launch property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    Launch jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    Launch argument(String argument) {
      arguments.add(argument);
      return this;
    }

    ForkedApp start() throws IOException, InterruptedException {
      Path appBuild = Path.of(ItPaths.appsDir(), app, ItPaths.buildDir());
      Path runs = ItPaths.runsDir();
      String label = app + (agent ? "-agent" : "-plain") + "-" + System.nanoTime();
      Path output = runs.resolve(label + ".out");
      Path logFile = runs.resolve(label + ".json");
      String classpath = appBuild.resolve("classes") + java.io.File.pathSeparator
          + Files.readString(appBuild.resolve("app.classpath")).trim();
      List<String> command = new ArrayList<>();
      command.add(javaHome.resolve("bin").resolve("java").toString());
      if (agent) {
        command.add("-javaagent:" + ItPaths.agentJar());
      }
      command.addAll(jvmOptions);
      command.add("-Dit.log.file=" + logFile);
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("NO_GCE_CHECK", "true");
      Process process = builder.start();
      CompletableFuture<Integer> listening = new CompletableFuture<>();
      Thread drain = new Thread(() -> drain(process, output, listening), "drain-" + label);
      drain.setDaemon(true);
      drain.start();
      int port;
      try {
        port = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
        throw new IllegalStateException(app + " did not start: " + e + "; output: " + tail(output), e);
      }
      return new ForkedApp(app, process, output, logFile, port);
    }

    private static void drain(Process process, Path output, CompletableFuture<Integer> listening) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
           PrintWriter out = new PrintWriter(Files.newBufferedWriter(output), true)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          if (!listening.isDone() && line.startsWith("LISTENING ")) {
            listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).trim()));
          }
        }
      } catch (IOException | RuntimeException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException("the app ended before it served"));
    }
  }

  static Launch app(String app, String mainClass) {
    return new Launch(app, mainClass);
  }

  int port() {
    return port;
  }

  /**
   * Attaches the agent to the running app, as {@code jcmd}-style tools do, and returns once its {@code agentmain}
   * has returned (the agent installs everything before returning when attached).
   */
  void attachAgent() throws Exception {
    com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(process.pid()));
    try {
      vm.loadAgent(ItPaths.agentJar());
    } finally {
      vm.detach();
    }
  }

  /**
   * Sends a GET with the given headers (name, value, name, value...).
   */
  HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(60)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpClient http() {
    return http;
  }

  AppLog log() {
    return new AppLog(logFile);
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  private static String tail(Path output) {
    try {
      String text = Files.exists(output) ? Files.readString(output) : "";
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return name + " on port " + port + " (output " + output + ")";
  }
}
