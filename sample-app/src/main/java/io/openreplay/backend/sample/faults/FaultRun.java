package io.openreplay.backend.sample.faults;

import io.openreplay.backend.sample.demo.ChildSettings;
import io.openreplay.backend.sample.demo.SampleAppProcess;
import io.openreplay.backend.sample.web.Endpoints;
import io.openreplay.backend.testkit.fault.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One run: the sample app with the agent, one provider pointed at its loopback endpoint, a fixed series of requests
 * (normal ones and erroring ones, each with a session token) after a warm-up, its memory, then SIGTERM and the wait
 * for its exit.
 */
final class FaultRun {

  /** The series: a page, an error the app logs, a page, an uncaught exception the error page logs. */
  static final List<String> PATHS = List.of(Endpoints.HELLO, Endpoints.LOG_ERROR, Endpoints.HELLO, Endpoints.THROW);

  /** The contract's test vector. */
  static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  /** How long an exit after SIGTERM is awaited before the app is killed. */
  static final Duration EXIT_WAIT = Duration.ofSeconds(60);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Path agentJar;
  private final String classPath;
  private final Path workDirectory;
  private final Map<String, String> appProperties;

  /**
   * @param agentJar the OpenReplay agent jar
   * @param classPath the sample app's class path
   * @param workDirectory where each run's app log goes
   */
  FaultRun(Path agentJar, String classPath, Path workDirectory) {
    this(agentJar, classPath, workDirectory, Map.of());
  }

  /**
   * @param agentJar the OpenReplay agent jar
   * @param classPath the sample app's class path
   * @param workDirectory where each run's app log goes
   * @param appProperties system properties the app is started with, besides the providers' settings
   */
  FaultRun(Path agentJar, String classPath, Path workDirectory, Map<String, String> appProperties) {
    this.agentJar = agentJar;
    this.classPath = classPath;
    this.workDirectory = workDirectory;
    this.appProperties = Map.copyOf(appProperties);
  }

  /**
   * @param providers the providers of a run
   * @param fault its fault, or {@code null} for the providers up
   * @return where the app's output of that run goes (complete once {@link #run} has returned)
   */
  Path appLog(List<FaultedProvider> providers, Fault fault) {
    return workDirectory.resolve(providers.stream().map(provider -> provider.name().toLowerCase())
        .collect(Collectors.joining("-")) + "-" + (fault == null ? "up" : fault.name().toLowerCase()) + ".log");
  }

  /**
   * @param providers the providers, all failing alike
   * @param fault the fault, or {@code null} for the providers up
   * @param warmup requests sent first, not measured
   * @param requests requests measured
   * @return what was measured
   * @throws IOException when the app or a server cannot be started
   * @throws InterruptedException when interrupted
   */
  FaultRunResult run(List<FaultedProvider> providers, Fault fault, int warmup, int requests)
      throws IOException, InterruptedException {
    List<ProviderOutage> outages = new ArrayList<>();
    try {
      // Any free port: another app on the machine (a benchmark, a demo) may hold the default one.
      ChildSettings settings = new ChildSettings().property("sample.port", "0");
      appProperties.forEach(settings::property);
      for (FaultedProvider provider : providers) {
        ProviderOutage outage = provider.start(fault);
        outages.add(outage);
        outage.configure(settings);
      }
      Files.createDirectories(workDirectory);
      String label = providers.stream().map(FaultedProvider::label).collect(Collectors.joining(" + "));
      Path log = appLog(providers, fault);
      SampleAppProcess app = SampleAppProcess.launch(agentJar, classPath, settings, log);
      try {
        URI base = app.awaitServing(Duration.ofSeconds(60));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        send(client, base, warmup, null);
        long[] nanos = new long[requests];
        int failed = send(client, base, requests, nanos);
        long rss = residentKiB(app.pid());
        Optional<Duration> exit = sigtermAndAwaitExit(app.pid());
        Arrays.sort(nanos);
        return new FaultRunResult(label, fault, requests, failed, Duration.ofNanos(percentile(nanos, 50)),
            Duration.ofNanos(percentile(nanos, 99)), rss, exit);
      } finally {
        app.close();
      }
    } finally {
      outages.forEach(ProviderOutage::close);
    }
  }

  private static int send(HttpClient client, URI base, int count, long[] nanos) throws InterruptedException {
    int failed = 0;
    for (int i = 0; i < count; i++) {
      String path = PATHS.get(i % PATHS.size());
      HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
          .header("X-OpenReplay-SessionToken", TOKEN).GET().build();
      long start = System.nanoTime();
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != (Endpoints.HELLO.equals(path) ? 200 : 500)) {
          failed++;
        }
      } catch (IOException e) {
        failed++;
      }
      if (nanos != null) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    return failed;
  }

  /** Sends SIGTERM and waits for the exit; kills the app when it has not exited within {@link #EXIT_WAIT}. */
  static Optional<Duration> sigtermAndAwaitExit(long pid) throws InterruptedException {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    long start = System.nanoTime();
    handle.get().destroy();
    try {
      handle.get().onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      handle.get().destroyForcibly();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** VmRSS of /proc/PID/status, in KiB; 0 where there is no /proc. */
  static long residentKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
