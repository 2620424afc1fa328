package io.openreplay.backend.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the project and its build are, as the build tells the tests (system properties set by surefire). */
public final class ProjectFiles {

  private ProjectFiles() {
  }

  /**
   * @return the project's root folder (the one with README.md and the parent pom)
   */
  public static Path root() {
    return Path.of(required("openreplay.root")).toAbsolutePath().normalize();
  }

  /**
   * @return the project's version, as the README must name it
   */
  public static String version() {
    return required("openreplay.version");
  }

  /**
   * @param module a module folder, such as {@code agent}
   * @return that module's build output folder in this build ({@code target} unless {@code openreplay.buildDir} says
   *     otherwise)
   */
  public static Path buildFolder(String module) {
    return root().resolve(module).resolve(required("openreplay.buildDir"));
  }

  /**
   * @return a folder of this module's build output for the tests' own files, created on demand by the callers
   */
  public static Path work() {
    return Path.of(required("openreplay.readme.work")).toAbsolutePath();
  }

  /**
   * @param name a folder name
   * @return the folder of that name in {@link #work()}, emptied of what an earlier run left, and created
   */
  public static Path emptyWorkFolder(String name) {
    Path folder = work().resolve(name);
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(file);
          }
        }
      }
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param name a system property the build sets for the tests
   * @return its value
   */
  public static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
    }
    return value;
  }
}
