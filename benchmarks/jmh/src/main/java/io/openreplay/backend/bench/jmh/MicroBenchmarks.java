package io.openreplay.backend.bench.jmh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the JMH benchmarks and prints each next to its baseline, with the budgets of issue 8: the filter adds at most
 * 100 ns to a request; the {@code %openReplay} layout and the OpenReplay JSON encoder cost at most 1.1x their plain
 * counterparts per event. The agent's logging-event advice has no budget of its own here; its ratios are printed.
 *
 * <p>Run it with {@code benchmarks/run-jmh [filter] [logback] [agent] [options]}, which builds what it needs first;
 * see {@link JmhSettings#USAGE}.
 */
public final class MicroBenchmarks {

  private static final Budget FILTER_BUDGET = new Budget(Budget.Kind.ADDED_NANOS, 100);
  private static final Budget EVENT_BUDGET = new Budget(Budget.Kind.RATIO, 1.1);
  private static final String[] AGENT_METHODS = {"createErrorEvent", "logError", "logInfo"};
  private static final String[] AGENT_WORDS = {"ERROR event created", "ERROR logged to a pattern layout",
      "INFO logged to a pattern layout"};

  private MicroBenchmarks() {
  }

  /**
   * @param args groups and options, see {@link JmhSettings#USAGE}
   * @throws RunnerException when JMH or a benchmark fails
   */
  public static void main(String[] args) throws RunnerException {
    if (List.of(args).contains("--help")) {
      System.out.println(JmhSettings.USAGE);
      return;
    }
    JmhSettings settings;
    try {
      settings = JmhSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(settings, System.out);
  }

  /**
   * Runs the chosen groups and prints the table.
   *
   * @param settings groups, forks, iterations
   * @param out where the table goes (JMH prints its progress to standard output, unless quiet)
   * @return the comparisons, in the order printed
   * @throws RunnerException when JMH or a benchmark fails
   */
  public static List<Comparison> run(JmhSettings settings, PrintStream out) throws RunnerException {
    List<Comparison> comparisons = new ArrayList<>();
    if (settings.groups().contains(BenchmarkGroup.FILTER)) {
      comparisons.addAll(filter(settings));
    }
    if (settings.groups().contains(BenchmarkGroup.LOGBACK)) {
      comparisons.addAll(logback(settings));
    }
    if (settings.groups().contains(BenchmarkGroup.AGENT)) {
      comparisons.addAll(agent(settings));
    }
    out.println();
    out.println("JMH, average time per operation: " + settings.forks() + " fork(s), " + settings.warmupIterations()
        + " warm-up and " + settings.iterations() + " measured iteration(s) of " + settings.iterationTime()
        + ", forks " + String.join(" ", JmhSettings.FORK_JVM_ARGUMENTS) + ", java " + System.getProperty("java.version"));
    if (settings.groups().contains(BenchmarkGroup.AGENT)) {
      out.println("agent jar: " + settings.agentJar());
    }
    ComparisonTable.print(comparisons, out);
    return comparisons;
  }

  private static List<Comparison> filter(JmhSettings settings) throws RunnerException {
    JmhResults tomcat = JmhResults.run(settings, TomcatRequestFilterBenchmark.class, null);
    JmhResults inMemory = JmhResults.run(settings, FilterBenchmark.class, null);
    List<Comparison> comparisons = new ArrayList<>();
    comparisons.addAll(filterRows(tomcat, "Tomcat 10.1's request", Optional.of(FILTER_BUDGET)));
    comparisons.addAll(filterRows(inMemory, "spring-test's in-memory request", Optional.empty()));
    return comparisons;
  }

  private static List<Comparison> filterRows(JmhResults results, String request, Optional<Budget> budget) {
    Comparison.Score bare = results.score("chainWithoutFilter");
    return List.of(
        new Comparison(BenchmarkGroup.FILTER, "filter, " + request + " with a valid token", bare,
            results.score("filterWithToken"), budget),
        new Comparison(BenchmarkGroup.FILTER, "filter, " + request + " without a token", bare,
            results.score("filterWithoutToken"), Optional.empty()),
        new Comparison(BenchmarkGroup.FILTER, "of which the token header lookup, " + request, bare,
            results.score("tokenHeaderLookup"), Optional.empty()));
  }

  private static List<Comparison> logback(JmhSettings settings) throws RunnerException {
    JmhResults layouts = JmhResults.run(settings, PatternLayoutBenchmark.class, null);
    JmhResults encoders = JmhResults.run(settings, JsonEncoderBenchmark.class, null);
    return List.of(
        new Comparison(BenchmarkGroup.LOGBACK, "%openReplay layout vs a plain one writing the same line (%X)",
            layouts.score("sameTextPattern"), layouts.score("openReplayPattern"), Optional.of(EVENT_BUDGET)),
        new Comparison(BenchmarkGroup.LOGBACK, "%openReplay layout vs the plain one without the prefix",
            layouts.score("plainPattern"), layouts.score("openReplayPattern"), Optional.empty()),
        new Comparison(BenchmarkGroup.LOGBACK, "OpenReplayLogstashEncoder vs logstash writing the same document",
            encoders.score("sameDocumentEncoder"), encoders.score("openReplayLogstashEncoder"),
            Optional.of(EVENT_BUDGET)),
        new Comparison(BenchmarkGroup.LOGBACK, "OpenReplayLogstashEncoder vs LogstashEncoder without its fields",
            encoders.score("logstashEncoder"), encoders.score("openReplayLogstashEncoder"), Optional.empty()));
  }

  private static List<Comparison> agent(JmhSettings settings) throws RunnerException {
    JmhResults without = JmhResults.run(settings, LoggingEventBenchmark.class, null, "none");
    JmhResults with = JmhResults.run(settings, LoggingEventBenchmark.class, settings.agentJar(), "none", "current");
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < AGENT_METHODS.length; i++) {
      Comparison.Score baseline = without.score(AGENT_METHODS[i], "none");
      comparisons.add(new Comparison(BenchmarkGroup.AGENT, "agent, " + AGENT_WORDS[i] + ", no token (fast path)",
          baseline, with.score(AGENT_METHODS[i], "none"), Optional.empty()));
      comparisons.add(new Comparison(BenchmarkGroup.AGENT, "agent, " + AGENT_WORDS[i] + ", token current",
          baseline, with.score(AGENT_METHODS[i], "current"), Optional.empty()));
    }
    return comparisons;
  }
}
