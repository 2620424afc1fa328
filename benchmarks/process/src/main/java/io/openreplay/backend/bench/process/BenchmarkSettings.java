package io.openreplay.backend.bench.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the process benchmark does.
 *
 * @param rounds how many times each setup is started and measured under load; the setups take turns within a round
 * @param starts start-ups measured per setup and round, each clinic alone (spawned, first 200 of {@code /},
 *     stopped), before the round's clinics are started; the round's start-up is their median. With 0 the start of the
 *     round's own clinic is taken, while the clinics started before it are still busy with their own start
 * @param warmupPages page requests sent after start-up and before anything is measured, at least
 * @param warmupErrors logged-error requests sent with them, with one uncaught error for every four
 * @param warmupLimitPages page requests after which the warm-up ends even if the JIT compiler is still busy; the
 *     warm-up goes on in batches past {@code warmupPages} until the compiler threads are quiet or this many were sent
 * @param pageRequests page requests whose server CPU is measured
 * @param errorRequests logged-error requests whose server CPU is measured
 * @param heap the heap size, fixed ({@code -Xms} = {@code -Xmx}) and pre-touched
 * @param java the {@code java} executable the clinic runs on
 * @param setups the setups compared; {@link AgentSetup#NONE} is always among them
 * @param token the session token every request carries in {@code X-OpenReplay-SessionToken}
 * @param paths where the agents and the clinic are, and where its logs go
 * @param startTimeout how long a start may take before the run fails
 */
public record BenchmarkSettings(int rounds, int starts, int warmupPages, int warmupErrors, int warmupLimitPages,
    int pageRequests, int errorRequests,
    String heap, Path java, List<AgentSetup> setups, String token, BuildPaths paths, Duration startTimeout) {

  /** The contract's test vector: a real token, valid for the agent's header rule. */
  public static final String CONTRACT_TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  /** The options {@link #parse(String[], BuildPaths)} knows, with what they mean. */
  public static final String USAGE = String.join("\n",
      "options (--name=value or --name value):",
      "  --rounds=N           rounds, each starting every setup once, in turns (default 5)",
      "  --starts=N           start-ups per setup and round, each clinic alone, in turns; the round's start-up is",
      "                       their median (default 3; 0: the start of the round's loaded clinic)",
      "  --warmup-pages=N     page requests before measuring, at least (default 6000)",
      "  --warmup-errors=N    logged-error requests with them (default 1500)",
      "  --warmup-limit-pages=N  warm-up in batches past --warmup-pages until the JIT compiler threads are quiet,",
      "                       or until this many page requests (default 40000)",
      "  --page-requests=N    page requests measured (default 4000)",
      "  --error-requests=N   logged-error requests measured (default 1500)",
      "  --heap=SIZE          fixed, pre-touched heap (default 256m)",
      "  --java=PATH          the java that runs the clinic (default: the one running this)",
      "  --setups=LIST        of none,openreplay,opentelemetry (default: all three; none is always run)",
      "  --output=DIR         where the clinic's log of each run is written");

  /**
   * The defaults, changed by command-line options.
   *
   * @param args the options, see {@link #USAGE}
   * @param paths where the build put the agents and the clinic
   * @return the settings
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  public static BenchmarkSettings parse(String[] args, BuildPaths paths) {
    Map<String, String> options = options(args);
    int rounds = positive(options.remove("rounds"), 5, "rounds");
    int starts = atLeastZero(options.remove("starts"), 3, "starts");
    int warmupPages = atLeastZero(options.remove("warmup-pages"), 6000, "warmup-pages");
    int warmupErrors = atLeastZero(options.remove("warmup-errors"), 1500, "warmup-errors");
    int warmupLimitPages = atLeastZero(options.remove("warmup-limit-pages"), 40_000, "warmup-limit-pages");
    int pageRequests = positive(options.remove("page-requests"), 4000, "page-requests");
    int errorRequests = positive(options.remove("error-requests"), 1500, "error-requests");
    String heap = options.getOrDefault("heap", "256m");
    options.remove("heap");
    String javaOption = options.remove("java");
    Path java = javaOption != null ? Path.of(javaOption)
        : Path.of(System.getProperty("java.home"), "bin", "java");
    List<AgentSetup> setups = setups(options.remove("setups"));
    String output = options.remove("output");
    BuildPaths used = output == null ? paths : paths.withOutputDir(Path.of(output).toAbsolutePath());
    if (!options.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) " + options.keySet() + "\n" + USAGE);
    }
    return new BenchmarkSettings(rounds, starts, warmupPages, warmupErrors, warmupLimitPages, pageRequests,
        errorRequests, heap, java, setups, CONTRACT_TOKEN, used, Duration.ofMinutes(3));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      } else if (i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("option " + arg + " needs a value\n" + USAGE);
      }
    }
    return options;
  }

  private static int positive(String value, int fallback, String name) {
    int number = atLeastZero(value, fallback, name);
    if (number == 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return number;
  }

  private static int atLeastZero(String value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
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

  private static List<AgentSetup> setups(String value) {
    if (value == null) {
      return List.of(AgentSetup.values());
    }
    List<AgentSetup> chosen = new ArrayList<>();
    chosen.add(AgentSetup.NONE);
    for (String label : value.split(",")) {
      AgentSetup setup = AgentSetup.ofLabel(label);
      if (!chosen.contains(setup)) {
        chosen.add(setup);
      }
    }
    return List.copyOf(chosen);
  }
}
