package io.openreplay.backend.sample.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's options.
 *
 * @param broken the provider whose receiver is taken down on purpose ({@code --break NAME} or the environment
 *     variable {@code DEMO_BREAK}), or empty
 * @param agentJar the OpenReplay agent jar (system property {@code openreplay.demo.agentJar}, by default
 *     {@code agent/target/openreplay-agent.jar})
 * @param workDirectory where the demo keeps the sample app's log and the OpenSearch node's files (system property
 *     {@code openreplay.demo.workDir}, by default {@code sample-app/target/demo})
 */
public record DemoOptions(Optional<Provider> broken, Path agentJar, Path workDirectory) {

  /** The usage text. */
  public static final String USAGE = "usage: ./demo [--break "
      + Arrays.stream(Provider.values()).map(Provider::cliName).collect(Collectors.joining("|")) + "]\n"
      + "  --break NAME   take that provider's receiver down on purpose (also: DEMO_BREAK=NAME);"
      + " the demo then reports " + (Provider.values().length - 1) + "/" + Provider.values().length
      + " and exits with 1";

  /**
   * Reads the options.
   *
   * @param args the command line
   * @param environment the environment variables
   * @return the options
   * @throws IllegalArgumentException with a message for the user when the command line is not understood
   */
  public static DemoOptions parse(String[] args, Map<String, String> environment) {
    String breakName = environment.get("DEMO_BREAK");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ("--break".equals(arg) && i + 1 < args.length) {
        breakName = args[++i];
      } else if (arg.startsWith("--break=")) {
        breakName = arg.substring("--break=".length());
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    Optional<Provider> broken = Optional.empty();
    if (breakName != null && !breakName.isBlank()) {
      String name = breakName;
      broken = Optional.of(Provider.byName(name)
          .orElseThrow(() -> new IllegalArgumentException("no provider named " + name)));
    }
    Path agentJar = Path.of(System.getProperty("openreplay.demo.agentJar", "agent/target/openreplay-agent.jar"));
    Path workDirectory = Path.of(System.getProperty("openreplay.demo.workDir",
        Files.isDirectory(Path.of("sample-app")) ? "sample-app/target/demo" : "target/demo"));
    return new DemoOptions(broken, agentJar, workDirectory);
  }
}
