package io.openreplay.backend.bench.jmh;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How {@link MicroBenchmarks} runs JMH.
 *
 * @param groups the groups to run
 * @param forks JVMs forked per benchmark (and per parameter value)
 * @param warmupIterations warm-up iterations per fork
 * @param iterations measured iterations per fork
 * @param iterationTime the length of each iteration
 * @param agentJar the OpenReplay agent jar the agent group forks with
 * @param verbosity how much JMH itself prints while it runs
 */
public record JmhSettings(Set<BenchmarkGroup> groups, int forks, int warmupIterations, int iterations,
    TimeValue iterationTime, Path agentJar, VerboseMode verbosity) {

  /** The system property that names the agent jar when {@code --agent-jar} does not. */
  public static final String AGENT_JAR_PROPERTY = "openreplay.bench.agentJar";

  /** The heap of every forked JVM, fixed. */
  static final List<String> FORK_JVM_ARGUMENTS = List.of("-Xms512m", "-Xmx512m");

  /** The arguments {@link #parse(String[])} knows, with what they mean. */
  public static final String USAGE = String.join("\n",
      "benchmarks/run-jmh [filter] [logback] [agent] [options]   (no group: all three)",
      "  --forks=N               forked JVMs per benchmark (default 2)",
      "  --warmup-iterations=N   warm-up iterations per fork (default 5)",
      "  --iterations=N          measured iterations per fork (default 5)",
      "  --time=T                length of each iteration, e.g. 1s, 200ms (default 1s)",
      "  --agent-jar=PATH        the OpenReplay agent jar (default: -D" + AGENT_JAR_PROPERTY + ")",
      "  --quiet                 print only the table, not JMH's progress");

  /**
   * @param args groups and options, see {@link #USAGE}
   * @return the settings
   * @throws IllegalArgumentException for an unknown group or option, or a bad value
   */
  public static JmhSettings parse(String[] args) {
    Set<BenchmarkGroup> groups = EnumSet.noneOf(BenchmarkGroup.class);
    int forks = 2;
    int warmupIterations = 5;
    int iterations = 5;
    TimeValue time = TimeValue.seconds(1);
    String agentJar = System.getProperty(AGENT_JAR_PROPERTY);
    VerboseMode verbosity = VerboseMode.NORMAL;
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        if ("all".equalsIgnoreCase(arg)) {
          groups.addAll(EnumSet.allOf(BenchmarkGroup.class));
        } else {
          groups.add(BenchmarkGroup.ofLabel(arg));
        }
        continue;
      }
      if (arg.equals("--quiet")) {
        verbosity = VerboseMode.SILENT;
        continue;
      }
      int equals = arg.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("option " + arg + " needs =value\n" + USAGE);
      }
      String name = arg.substring(2, equals);
      String value = arg.substring(equals + 1);
      switch (name) {
        case "forks":
          forks = number(name, value);
          if (forks == 0) {
            throw new IllegalArgumentException("--forks must be at least 1: the agent runs in forked JVMs only");
          }
          break;
        case "warmup-iterations":
          warmupIterations = number(name, value);
          break;
        case "iterations":
          iterations = Math.max(1, number(name, value));
          break;
        case "time":
          time = TimeValue.fromString(value);
          break;
        case "agent-jar":
          agentJar = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (groups.isEmpty()) {
      groups.addAll(EnumSet.allOf(BenchmarkGroup.class));
    }
    if (groups.contains(BenchmarkGroup.AGENT) && agentJar == null) {
      throw new IllegalArgumentException("the agent group needs --agent-jar=PATH or -D" + AGENT_JAR_PROPERTY);
    }
    return new JmhSettings(Set.copyOf(groups), forks, warmupIterations, iterations, time,
        agentJar == null ? null : Path.of(agentJar).toAbsolutePath().normalize(), verbosity);
  }

  private static int number(String name, String value) {
    try {
      int number = Integer.parseInt(value.trim());
      if (number < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'", e);
    }
  }
}
