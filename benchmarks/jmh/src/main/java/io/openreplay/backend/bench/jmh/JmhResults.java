package io.openreplay.backend.bench.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** The results of one JMH run of one benchmark class, looked up by method and {@code token} parameter. */
final class JmhResults {

  private final Class<?> benchmark;
  private final String suffix;
  private final Collection<RunResult> results;

  private JmhResults(Class<?> benchmark, String suffix, Collection<RunResult> results) {
    this.benchmark = benchmark;
    this.suffix = suffix;
    this.results = results;
  }

  /**
   * Runs every benchmark method of a class in forked JVMs.
   *
   * @param settings forks, iterations and their length, verbosity
   * @param benchmark the benchmark class
   * @param agentJar the agent to fork with ({@code -javaagent}), or {@code null} for none
   * @param tokens the values of the {@code token} parameter to run, or none to leave the class's own
   * @return the results
   * @throws RunnerException when JMH or a benchmark fails
   */
  static JmhResults run(JmhSettings settings, Class<?> benchmark, Path agentJar, String... tokens)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
        .forks(settings.forks())
        .warmupIterations(settings.warmupIterations())
        .warmupTime(settings.iterationTime())
        .measurementIterations(settings.iterations())
        .measurementTime(settings.iterationTime())
        .jvmArgs(JmhSettings.FORK_JVM_ARGUMENTS.toArray(new String[0]))
        .shouldFailOnError(true)
        .verbosity(settings.verbosity());
    if (agentJar != null) {
      options.jvmArgsAppend("-javaagent:" + agentJar);
    }
    if (tokens.length > 0) {
      options.param("token", tokens);
    }
    return new JmhResults(benchmark, agentJar == null ? "" : " (agent)", new Runner(options.build()).run());
  }

  /**
   * @param method a benchmark method
   * @return its score
   */
  Comparison.Score score(String method) {
    return score(method, null);
  }

  /**
   * @param method a benchmark method
   * @param token the {@code token} parameter's value, or {@code null} for a benchmark without one
   * @return its score
   * @throws IllegalStateException when the run has no such result
   */
  Comparison.Score score(String method, String token) {
    String name = benchmark.getName() + "." + method;
    List<String> found = new ArrayList<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      String param = run.getParams().getParam("token");
      found.add(label + (param == null ? "" : " token=" + param));
      if (label.equals(name) && (token == null || token.equals(param))) {
        Result<?> primary = run.getPrimaryResult();
        return new Comparison.Score(benchmark.getSimpleName() + "." + method
            + (token == null ? "" : " token=" + token) + suffix, primary.getScore(), primary.getScoreError());
      }
    }
    throw new IllegalStateException("no result for " + name + (token == null ? "" : " token=" + token)
        + " among " + found);
  }
}
