package io.openreplay.backend.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs the forked apps run on besides the build's own. The Java 25 one is the Maven property
 * {@code openreplay.jdk25}, which the build passes to the tests as a system property of the same name:
 * <ul>
 *   <li>{@code auto} (the default, also when the property is not set at all): a JDK 25 installed beside the one
 *       running the build (for instance {@code /usr/lib/jvm/*}), found by its {@code release} file;</li>
 *   <li>a path: that JDK 25 home;</li>
 *   <li>{@code none}: the tests that need Java 25 are skipped, and say so.</li>
 * </ul>
 * A test that needs Java 25 fails, saying how to set the property, when {@code auto} finds none or the path given is
 * not a JDK 25 home: the Java 25 tests never pass by being skipped unless that was asked for.
 */
final class Jdks {

  /** The system property (and Maven property) naming the Java 25 JDK. */
  static final String JDK25_PROPERTY = "openreplay.jdk25";
  private static final String AUTO = "auto";
  private static final String NONE = "none";
  private static final int JAVA_25 = 25;

  private Jdks() {
  }

  /**
   * The Java 25 JDK the tests run their apps on, as the property {@value #JDK25_PROPERTY} says.
   *
   * @return its home
   * @throws org.opentest4j.TestAbortedException when the property is {@code none} (the test is skipped)
   * @throws org.opentest4j.AssertionFailedError when no JDK 25 is found where the property says
   */
  static Path java25() {
    String setting = System.getProperty(JDK25_PROPERTY, AUTO).trim();
    if (setting.isEmpty()) {
      setting = AUTO;
    }
    String howToSet = "; set -D" + JDK25_PROPERTY + "=/path/to/jdk-25 (the home of a JDK 25) on the mvn command line, or -D"
        + JDK25_PROPERTY + "=" + NONE + " to skip the Java 25 tests";
    if (setting.equalsIgnoreCase(NONE)) {
      String skipped = JDK25_PROPERTY + "=" + NONE + ": the Java 25 tests are skipped, as asked";
      System.err.println(skipped);
      Assumptions.abort(skipped);
    }
    if (setting.equalsIgnoreCase(AUTO)) {
      Optional<Path> beside = beside(JAVA_25);
      if (beside.isEmpty()) {
        Assertions.fail("no JDK 25 found beside " + System.getProperty("java.home") + " (" + JDK25_PROPERTY + "="
            + AUTO + ")" + howToSet);
      }
      return beside.get();
    }
    Path home = Path.of(setting).toAbsolutePath();
    if (!isVersion(home, JAVA_25)) {
      Assertions.fail(JDK25_PROPERTY + "=" + setting + " is not the home of a JDK 25 (no bin/java, or its release "
          + "file does not say JAVA_VERSION=\"25...\")" + howToSet);
    }
    return home;
  }

  /**
   * A JDK of the given feature version beside the running one.
   *
   * @param feature for instance 25
   * @return its home, or empty when none is installed there
   */
  private static Optional<Path> beside(int feature) {
    Path home = Path.of(System.getProperty("java.home")).toAbsolutePath();
    Path parent = home.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return Optional.empty();
    }
    try (Stream<Path> candidates = Files.list(parent)) {
      return candidates.filter(candidate -> isVersion(candidate, feature)).sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isVersion(Path candidate, int feature) {
    Path release = candidate.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(candidate.resolve("bin").resolve("java"))) {
      return false;
    }
    try {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return version.equals(Integer.toString(feature)) || version.startsWith(feature + ".");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
