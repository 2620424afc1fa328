package io.openreplay.backend.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the agent jar and the apps, from the system properties the pom sets. */
final class ItPaths {

  private ItPaths() {
  }

  static String agentJar() {
    String jar = required("openreplay.it.agentJar");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the agent jar is not built: " + jar);
    }
    return jar;
  }

  static String appsDir() {
    return required("openreplay.it.appsDir");
  }

  static String buildDir() {
    return required("openreplay.it.buildDir");
  }

  /** A folder for the apps' output and log files, inside this module's build folder. */
  static Path runsDir() {
    Path runs = Path.of(appsDir()).resolveSibling("tests").resolve(buildDir()).resolve("runs");
    try {
      return Files.createDirectories(runs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven");
    }
    return value;
  }
}
