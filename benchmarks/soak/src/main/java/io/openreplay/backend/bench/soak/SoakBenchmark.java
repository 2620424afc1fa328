package io.openreplay.backend.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutionException;

/**
 * The soak of issue 12 (part 4). For each setup ({@link SoakSetup}: the agent, then the filter) it starts the soak
 * app, sends it the requests from a few dozen concurrent kept-alive connections (plain sockets, nothing sent twice), each request with a token of its own
 * ({@link SoakTraffic}), and at each checkpoint, with no request running, reads the application's heap after a full
 * GC, threads, loaded classes and token counts; then prints the setup's summary and verdict ({@link SoakResult}).
 *
 * <p>Run it with {@code benchmarks/run-soak [options]}, which builds what it needs first; the options are in
 * {@link SoakSettings#USAGE}. Exit code 0 when every setup passed, 1 when one failed or could not run, 2 for bad
 * options.
 */
public final class SoakBenchmark {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private SoakBenchmark() {
  }

  /**
   * @param args options, see {@link SoakSettings#USAGE}
   */
  public static void main(String[] args) {
    System.exit(exitCode(args, System.out, System.err));
  }

  /**
   * Runs the soak as the command does.
   *
   * @param args options, see {@link SoakSettings#USAGE}
   * @param out where the report goes
   * @param err where a failure to run goes
   * @return 0 when every setup passed (or for {@code --help}), 1 when one failed or could not run, 2 for bad options
   */
  static int exitCode(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      out.println("benchmarks/run-soak [options]\n" + SoakSettings.USAGE);
      return 0;
    }
    SoakSettings settings;
    try {
      settings = SoakSettings.parse(args, SoakPaths.fromBuild());
    } catch (IllegalArgumentException badOption) {
      err.println(badOption.getMessage());
      return 2;
    }
    try {
      return run(settings, out).stream().allMatch(SoakResult::passed) ? 0 : 1;
    } catch (IOException | ExecutionException failure) {
      err.println("soak failed: " + failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return 1;
  }

  /**
   * Runs every setup, one after the other, and prints each one's checkpoints and summary.
   *
   * @param settings what to run
   * @param out where to print
   * @return each setup's result
   * @throws IOException when the application cannot be started or its stats read
   * @throws ExecutionException when a client fails otherwise than by a wrong answer
   * @throws InterruptedException when interrupted
   */
  public static List<SoakResult> run(SoakSettings settings, PrintStream out)
      throws IOException, ExecutionException, InterruptedException {
    for (Path needed : List.of(settings.paths().agentJar(), settings.paths().appClasses(),
        settings.paths().appClasspathFile())) {
      if (!Files.exists(needed)) {
        throw new IOException(needed + " is missing: build with benchmarks/run-soak, or mvn package -pl "
            + "benchmarks/soak -am");
      }
    }
    out.println(String.format(Locale.ROOT, "soak: %,d requests per setup from %d concurrent kept-alive connections,"
        + " a checkpoint every %,d; java %s, heap %s; application output in %s", settings.requests(),
        settings.clients(), settings.checkpointEvery(), settings.java(), settings.heap(), settings.paths().outputDir()));
    out.println(String.format(Locale.ROOT, "machine: %d CPUs, %s %s; load average (1 min) at the start %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
        loadAverage()));
    out.println("requests in turn: sync, executor, forkjoin (own pool), async (AsyncContext.start), dispatch (executor"
        + " then AsyncContext.dispatch), mixed (AsyncContext.start, executor, common-pool fork-join); each with a"
        + " token of its own, one in ten with only the session id, one in ten with none");
    List<SoakResult> results = new ArrayList<>();
    for (SoakSetup setup : settings.setups()) {
      out.println();
      out.println(setup.label() + ": " + setup.description());
      out.flush();
      SoakResult result = soak(setup, settings, out);
      result.print(out);
      out.flush();
      results.add(result);
    }
    out.println();
    for (SoakResult result : results) {
      out.println(String.format(Locale.ROOT, "%-6s  %,d requests  mismatches %,d  missing %,d  heap %.2f -> %.2f MB"
          + " (x%.3f)  threads %+d  classes %+d  %s", result.setup().label(), result.last().requests(),
          result.last().mismatches(), result.last().missing(), result.first().heapMegabytes(),
          result.last().heapMegabytes(), result.heapRatio(), result.threadGrowth(), result.classGrowth(),
          result.passed() ? "PASS" : "FAIL"));
    }
    return results;
  }

  /**
   * The application's stats, over a connection of their own; asked once more on a new connection when the first
   * breaks (they carry no token and count nothing), and a second failure says whether the application still runs.
   */
  private static String stats(int port, SoakAppProcess app, String firstFailure) throws IOException {
    IOException broken = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      SoakTraffic stats = new SoakTraffic(port);
      try {
        return stats.stats();
      } catch (IOException e) {
        broken = e;
      } finally {
        stats.close();
      }
    }
    throw new IOException("reading /soak/stats failed twice (" + broken.getMessage() + "); " + app.state()
        + (firstFailure == null ? "" : "; first wrong answer: " + firstFailure) + "; see " + app.log(), broken);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static SoakResult soak(SoakSetup setup, SoakSettings settings, PrintStream out)
      throws IOException, ExecutionException, InterruptedException {
    Path log = settings.paths().outputDir().resolve("soak-" + setup.label() + ".log");
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    try (SoakAppProcess app = SoakAppProcess.start(setup.command(settings), log)) {
      int port = app.awaitPort(START_TIMEOUT);
      List<SoakTraffic> connections = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        connections.add(new SoakTraffic(port));
      }
      AtomicLong next = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicReference<String> firstFailure = new AtomicReference<>();
      List<Checkpoint> checkpoints = new ArrayList<>();
      long started = System.nanoTime();
      for (int until : settings.checkpoints()) {
        List<Future<?>> running = new ArrayList<>();
        for (SoakTraffic connection : connections) {
          running.add(clients.submit(() -> {
            for (long n = next.getAndIncrement(); n < until; n = next.getAndIncrement()) {
              String wrong;
              try {
                wrong = connection.send(n);
              } catch (IOException e) {
                wrong = "request " + n + ": " + e.getMessage();
              }
              if (wrong != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, wrong);
              }
            }
            return null;
          }));
        }
        for (Future<?> client : running) {
          client.get();
        }
        next.set(until);
        Checkpoint checkpoint = Checkpoint.parse(until, stats(port, app, firstFailure.get()),
            (System.nanoTime() - started) / 1e9);
        checkpoints.add(checkpoint);
        out.println(String.format(Locale.ROOT, "  after %,9d requests: heap after GC %6.2f MB, threads %3d, classes"
            + " %,6d, events checked %,10d, mismatches %,d, missing %,d  (%.0f s)", until,
            checkpoint.heapMegabytes(), checkpoint.threads(), checkpoint.classesLoaded(), checkpoint.eventsChecked(),
            checkpoint.mismatches(), checkpoint.missing(), checkpoint.seconds()));
        out.flush();
      }
      connections.forEach(SoakTraffic::close);
      return new SoakResult(setup, List.copyOf(checkpoints), failed.get(), firstFailure.get(),
          RequestKind.eventsOf(settings.requests()));
    } finally {
      clients.shutdownNow();
    }
  }
}
