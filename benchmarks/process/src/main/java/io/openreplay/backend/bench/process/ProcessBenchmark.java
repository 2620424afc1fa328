package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The whole-process comparison. Starts the clinic application again and again: with no agent, with the OpenReplay
 * agent the build produced, and with the OpenTelemetry java agent (exporters off); the setups take turns within each
 * round, and each round's start order is rotated. Prints each run as it ends, then the table of medians against the
 * budgets of issue 8.
 *
 * <p>Run it with {@code benchmarks/run-process-benchmark [options]}, which builds what it needs first; the options
 * are in {@link BenchmarkSettings#USAGE}. Exit code 0 when every run was measured (whatever the budgets say), 1 when
 * a run failed, 2 for bad options.
 */
public final class ProcessBenchmark {

  private static final DateTimeFormatter BUILT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private ProcessBenchmark() {
  }

  /**
   * @param args options, see {@link BenchmarkSettings#USAGE}
   */
  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.println("benchmarks/run-process-benchmark [options]\n" + BenchmarkSettings.USAGE);
      return;
    }
    BenchmarkSettings settings;
    try {
      settings = BenchmarkSettings.parse(args, BuildPaths.fromBuild());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      OverheadReport report = run(settings, System.out);
      System.exit(report.isComplete() ? 0 : 1);
    } catch (IOException e) {
      System.err.println("process benchmark failed: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /**
   * Runs every round and prints the runs and the table.
   *
   * @param settings what to run
   * @param out where to print
   * @return the measurements and their medians
   * @throws IOException when a start or a request fails; the clinic of that run is stopped
   * @throws InterruptedException when interrupted
   */
  public static OverheadReport run(BenchmarkSettings settings, PrintStream out)
      throws IOException, InterruptedException {
    checkPresent(settings);
    printPreamble(settings, out);
    ClinicRun run = new ClinicRun(settings);
    OverheadReport report = new OverheadReport(settings.setups(), settings.rounds());
    List<AgentSetup> setups = settings.setups();
    Map<AgentSetup, List<ClinicRun.SetupRound>> tokenCosts = new LinkedHashMap<>();
    for (int round = 0; round < settings.rounds(); round++) {
      List<AgentSetup> order = new ArrayList<>();
      for (int turn = 0; turn < setups.size(); turn++) {
        order.add(setups.get((round + turn) % setups.size()));
      }
      int number = round + 1;
      Map<AgentSetup, ClinicRun.SetupRound> measured = run.measure(order,
          setup -> settings.paths().outputDir().resolve("round-" + number + "-" + setup.label() + ".log"));
      String load = MachineLoad.oneMinute();
      for (Map.Entry<AgentSetup, ClinicRun.SetupRound> entry : measured.entrySet()) {
        Measurement measurement = entry.getValue().measurement();
        report.add(round, entry.getKey(), measurement);
        tokenCosts.computeIfAbsent(entry.getKey(), setup -> new ArrayList<>()).add(entry.getValue());
        out.println(String.format(Locale.ROOT,
            "round %d/%d  %-13s  start-up %6.0f ms%s  RSS %6.1f MB  CPU/page %6.0f us  CPU/logged error %6.0f us"
                + "  token vs none in this process: page %+5.1f%%, logged error %+5.1f%%"
                + "  (warm-up %d pages, JIT %.1f%%; machine load %s)",
            number, settings.rounds(), entry.getKey().label(), measurement.startupMillis(),
            alone(entry.getValue().startsAlone()),
            measurement.rssMegabytes(), measurement.cpuMicrosPerPage(), measurement.cpuMicrosPerError(),
            100 * entry.getValue().tokenPageCost(), 100 * entry.getValue().tokenErrorCost(),
            entry.getValue().warmUp().pages(), 100 * entry.getValue().warmUp().compilerShare(), load));
      }
      out.flush();
    }
    out.println();
    report.print(out);
    out.println();
    out.println("in each setup's own process, CPU of a request with the token over the same request without it "
        + "(median of the rounds; the agent's own work per request, apart from the differences between processes):");
    for (Map.Entry<AgentSetup, List<ClinicRun.SetupRound>> entry : tokenCosts.entrySet()) {
      out.println(String.format(Locale.ROOT, "  %-13s  page %+5.1f%%  logged error %+5.1f%%", entry.getKey().label(),
          100 * Median.of(costs(entry.getValue(), ClinicRun.SetupRound::tokenPageCost)),
          100 * Median.of(costs(entry.getValue(), ClinicRun.SetupRound::tokenErrorCost))));
    }
    return report;
  }

  private static double[] costs(List<ClinicRun.SetupRound> rounds, ToDoubleFunction<ClinicRun.SetupRound> cost) {
    return rounds.stream().mapToDouble(cost).toArray();
  }

  /** The start-ups alone that the round's start-up is the median of, for instance {@code  (4211/4130/4375)}. */
  private static String alone(List<Double> starts) {
    if (starts.isEmpty()) {
      return "";
    }
    List<String> millis = new ArrayList<>();
    for (double start : starts) {
      millis.add(String.format(Locale.ROOT, "%.0f", start));
    }
    return " (" + String.join("/", millis) + ")";
  }

  private static void checkPresent(BenchmarkSettings settings) throws IOException {
    List<Path> needed = new ArrayList<>(List.of(settings.paths().appClasses(), settings.paths().appClasspathFile()));
    if (settings.setups().contains(AgentSetup.OPENREPLAY)) {
      needed.add(settings.paths().agentJar());
    }
    if (settings.setups().contains(AgentSetup.OPENTELEMETRY)) {
      needed.add(settings.paths().otelJar());
    }
    for (Path path : needed) {
      if (!Files.exists(path)) {
        throw new IOException(path + " is missing: build with benchmarks/run-process-benchmark, or "
            + "mvn package -pl benchmarks/process -am");
      }
    }
  }

  private static void printPreamble(BenchmarkSettings settings, PrintStream out) throws IOException {
    out.println("process benchmark: the clinic (Spring Boot 3.5, Tomcat, Spring Data JPA on H2, Thymeleaf), "
        + settings.rounds() + " rounds, setups taking turns: " + labels(settings.setups()));
    out.println("java: " + settings.java() + ", heap " + settings.heap() + " fixed (-Xms = -Xmx) and pre-touched");
    out.println("start-up: from spawning the JVM to the first 200 of /, " + (settings.starts() > 0
        ? settings.starts() + " times per setup and round, each clinic alone (then stopped), the setups in turns; "
            + "the round's figure is their median (in brackets)"
        : "of each round's clinic, while the clinics started before it are idle"));
    out.println("per run: " + settings.warmupPages() + " page requests and "
        + settings.warmupErrors() + " logged errors to warm up, then batches of " + ClinicRun.WARMUP_BATCH_PAGES
        + " pages until the JIT compiler threads take at most " + ClinicRun.SETTLED_COMPILER_PERCENT
        + "% of the CPU (at most " + settings.warmupLimitPages() + " pages), then server CPU over "
        + settings.pageRequests()
        + " page requests and " + settings.errorRequests() + " logged errors, in " + ClinicRun.SLICES
        + " slices sent to the round's clinics in turn (all running side by side), each share once with "
        + ClinicTraffic.TOKEN_HEADER + " and once without it, then RSS; the warm-up half with, half without");
    if (settings.setups().contains(AgentSetup.OPENREPLAY)) {
      Path agent = settings.paths().agentJar();
      out.println("openreplay agent: " + agent + " (" + Files.size(agent) / 1024 + " KB, built "
          + BUILT.format(Instant.ofEpochMilli(Files.getLastModifiedTime(agent).toMillis())) + ")");
    }
    if (settings.setups().contains(AgentSetup.OPENTELEMETRY)) {
      out.println("opentelemetry agent: " + settings.paths().otelVersion() + ", "
          + String.join(" ", AgentSetup.OPENTELEMETRY.agentArguments(settings.paths()).subList(1, 4)));
    }
    out.println("the clinic's output of each run: " + settings.paths().outputDir());
    out.println();
    out.flush();
  }

  private static String labels(List<AgentSetup> setups) {
    List<String> labels = new ArrayList<>();
    for (AgentSetup setup : setups) {
      labels.add(setup.label());
    }
    return String.join(", ", labels);
  }
}
