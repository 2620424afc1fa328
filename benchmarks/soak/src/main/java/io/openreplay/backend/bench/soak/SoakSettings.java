package io.openreplay.backend.bench.soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one soak does.
 *
 * @param requests the requests sent to each setup's application
 * @param checkpointEvery how many requests between two checkpoints (the first is the heap's reference)
 * @param clients the client's concurrent connections
 * @param heap the application's heap, fixed ({@code -Xms} = {@code -Xmx})
 * @param java the {@code java} executable the application runs on
 * @param setups the setups run, one after the other
 * @param appOptions further JVM options of the application (system properties, logging of the JVM)
 * @param paths where the agent and the application are, and where their output goes
 */
public record SoakSettings(int requests, int checkpointEvery, int clients, String heap, Path java,
    List<SoakSetup> setups, List<String> appOptions, SoakPaths paths) {

  /** The options {@link #parse(String[], SoakPaths)} knows. */
  public static final String USAGE = String.join("\n",
      "options (--name=value):",
      "  --requests=N          requests per setup (default 1000000)",
      "  --checkpoint-every=N  requests between checkpoints; the first checkpoint is the heap's reference"
          + " (default 100000)",
      "  --clients=N           concurrent kept-alive connections (default 32)",
      "  --heap=SIZE           the application's fixed heap (default 256m)",
      "  --java=PATH           the java that runs the application (default: the one running this)",
      "  --setups=LIST         of agent, filter and both (the filter's application with the agent too);"
          + " default: agent,filter",
      "  --app-options=LIST    further JVM options of the application, separated by spaces",
      "  --output=DIR          where each setup's application output is written");

  /**
   * @param args the options, see {@link #USAGE}
   * @param paths where the build put the agent and the application
   * @return the defaults, changed by the options
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  public static SoakSettings parse(String[] args, SoakPaths paths) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("expected --name=value, not '" + arg + "'\n" + USAGE);
      }
      given.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    int requests = number(given.remove("requests"), 1_000_000, "requests");
    int checkpointEvery = number(given.remove("checkpoint-every"), 100_000, "checkpoint-every");
    int clients = number(given.remove("clients"), 32, "clients");
    String heap = given.containsKey("heap") ? given.remove("heap") : "256m";
    String java = given.remove("java");
    List<SoakSetup> setups = new ArrayList<>();
    for (String label : given.getOrDefault("setups", "agent,filter").split(",")) {
      SoakSetup setup = SoakSetup.ofLabel(label);
      if (!setups.contains(setup)) {
        setups.add(setup);
      }
    }
    given.remove("setups");
    String appOptions = given.remove("app-options");
    String output = given.remove("output");
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
    }
    return new SoakSettings(requests, Math.min(checkpointEvery, requests), clients, heap,
        java != null ? Path.of(java) : Path.of(System.getProperty("java.home"), "bin", "java"), List.copyOf(setups),
        appOptions == null || appOptions.isBlank() ? List.of() : List.of(appOptions.trim().split("\\s+")),
        output == null ? paths : paths.withOutputDir(Path.of(output).toAbsolutePath()));
  }

  private static int number(String value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim().replace("_", ""));
      if (number < 1) {
        throw new IllegalArgumentException("--" + name + " must be at least 1");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'", e);
    }
  }

  /**
   * @return the request counts after which a checkpoint is taken, the last being {@link #requests()}
   */
  public List<Integer> checkpoints() {
    List<Integer> at = new ArrayList<>();
    for (int done = checkpointEvery; done < requests; done += checkpointEvery) {
      at.add(done);
    }
    at.add(requests);
    return at;
  }
}
