package io.openreplay.backend.sample.faults;

import io.openreplay.backend.testkit.fault.Fault;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code benchmarks/run-fault-benchmark}: for each provider the sample app sends to over the network, and each of
 * up, refused, never answering, 10-s answers, 5xx and 429, one run of the sample app with the agent (see
 * {@link FaultRun}); prints one table.
 *
 * <pre>
 *   --requests=N    requests measured in each run (default 1000: half pages, half errors)
 *   --warmup=N      requests sent first in each run, not measured (default 300)
 *   --rounds=N      runs of each provider and fault, one round after the other; a row shows their medians
 *                   (default 1)
 *   --providers=a,b only these (sentry, rollbar, cloud_logging, cloudwatch, datadog_tcp, dynatrace)
 * </pre>
 *
 * <p>System properties: {@code openreplay.demo.agentJar} (the agent jar), {@code openreplay.faults.workDir} (where
 * the app logs go). The class path of this JVM is the app's. Exit code 0 when every run answered every request and
 * exited within 15 s of SIGTERM, else 1.
 */
public final class FaultBenchmark {

  /** The bound on the exit after SIGTERM. */
  static final Duration EXIT_BOUND = Duration.ofSeconds(15);

  private FaultBenchmark() {
  }

  /**
   * @param args see the class comment
   * @throws Exception when a run cannot be made
   */
  public static void main(String[] args) throws Exception {
    int requests = 1000;
    int warmup = 300;
    int rounds = 1;
    EnumSet<FaultedProvider> providers = EnumSet.allOf(FaultedProvider.class);
    for (String arg : args) {
      if (arg.startsWith("--requests=")) {
        requests = Integer.parseInt(arg.substring("--requests=".length()));
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else if (arg.startsWith("--providers=")) {
        providers.clear();
        for (String name : arg.substring("--providers=".length()).split(",")) {
          providers.add(FaultedProvider.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
      } else {
        boolean help = "--help".equals(arg);
        (help ? System.out : System.err).println("usage: run-fault-benchmark [--requests=1000] [--warmup=300] [--rounds=1]"
            + " [--providers=sentry,rollbar,cloud_logging,cloudwatch,datadog_tcp,dynatrace]");
        System.exit(help ? 0 : 2);
      }
    }
    FaultRun run = new FaultRun(Path.of(System.getProperty("openreplay.demo.agentJar",
        "agent/target/openreplay-agent.jar")), System.getProperty("java.class.path"),
        Path.of(System.getProperty("openreplay.faults.workDir", "sample-app/target/faults")));
    PrintStream out = System.out;
    out.printf("fault benchmark: %d requests a run after %d warm-up, %d round(s), %d cores, Java %s, %s %s%n",
        requests, warmup, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
    out.println(header());
    boolean allWell = true;
    for (FaultedProvider provider : providers) {
      List<Fault> conditions = new ArrayList<>();
      conditions.add(null);
      List<Fault> faults = new ArrayList<>(provider.faults());
      faults.sort(null);
      conditions.addAll(faults);
      Map<Fault, List<FaultRunResult>> results = new HashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (Fault fault : conditions) {
          FaultRunResult result = run.run(List.of(provider), fault, warmup, requests);
          results.computeIfAbsent(fault, key -> new ArrayList<>()).add(result);
          allWell &= isWell(result);
        }
      }
      FaultRunResult up = medianOf(results.get(null));
      for (Fault fault : conditions) {
        out.println(row(medianOf(results.get(fault)), up));
      }
    }
    System.exit(allWell ? 0 : 1);
  }

  /**
   * The rounds of one condition as one row: failures and requests summed, the median p50 and p99, the largest RSS,
   * the longest exit (none when any round had to be killed).
   */
  static FaultRunResult medianOf(List<FaultRunResult> rounds) {
    FaultRunResult first = rounds.get(0);
    List<Duration> p50s = rounds.stream().map(FaultRunResult::p50).sorted().toList();
    List<Duration> p99s = rounds.stream().map(FaultRunResult::p99).sorted().toList();
    Optional<Duration> exit = rounds.stream().anyMatch(result -> result.exitAfterSigterm().isEmpty())
        ? Optional.empty()
        : rounds.stream().map(result -> result.exitAfterSigterm().orElseThrow()).max(Duration::compareTo);
    return new FaultRunResult(first.provider(), first.fault(),
        rounds.stream().mapToInt(FaultRunResult::requests).sum(), rounds.stream().mapToInt(FaultRunResult::failed).sum(),
        p50s.get(p50s.size() / 2), p99s.get(p99s.size() / 2),
        rounds.stream().mapToLong(FaultRunResult::rssKiB).max().orElse(0), exit);
  }

  static boolean isWell(FaultRunResult result) {
    return result.failed() == 0 && result.exitAfterSigterm().map(exit -> exit.compareTo(EXIT_BOUND) <= 0)
        .orElse(false);
  }

  static String header() {
    return String.format("%-24s %-14s %8s %8s %8s %10s %8s %12s", "provider", "fault", "failed", "p50 ms", "p99 ms",
        "p99 vs up", "RSS MB", "SIGTERM->exit");
  }

  static String row(FaultRunResult result, FaultRunResult up) {
    double ratio = up.p99().toNanos() == 0 ? 0 : (double) result.p99().toNanos() / up.p99().toNanos();
    return String.format(Locale.ROOT, "%-24s %-14s %4d/%-4d %8.2f %8.2f %9.2fx %8.1f %12s",
        result.provider(), result.faultLabel(), result.failed(), result.requests(),
        result.p50().toNanos() / 1e6, result.p99().toNanos() / 1e6, ratio, result.rssKiB() / 1024.0,
        result.exitAfterSigterm().map(exit -> String.format(Locale.ROOT, "%.1f s", exit.toMillis() / 1000.0))
            .orElse("> " + FaultRun.EXIT_WAIT.toSeconds() + " s"));
  }
}
