package io.openreplay.backend.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** JDKs installed beside the one running the build (for instance /usr/lib/jvm/*), found by their release file. */
final class Jdks {

  private Jdks() {
  }

  /**
   * A JDK of the given feature version beside the running one.
   *
   * @param feature for instance 25
   * @return its home, or empty when none is installed there
   */
  static Optional<Path> beside(int feature) {
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
