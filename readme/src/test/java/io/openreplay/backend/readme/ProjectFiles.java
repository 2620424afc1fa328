package io.openreplay.backend.readme;

import java.nio.file.Path;

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
