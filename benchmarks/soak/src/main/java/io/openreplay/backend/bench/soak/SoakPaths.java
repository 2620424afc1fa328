package io.openreplay.backend.bench.soak;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Where the build put what the soak starts, read from {@value #RESOURCE}, which the build fills in for the build
 * folder in use.
 *
 * @param agentJar the OpenReplay agent jar
 * @param appClasses the soak app's classes and resources
 * @param appClasspathFile the file that lists the soak app's runtime dependencies
 * @param outputDir where each run's application output goes
 */
public record SoakPaths(Path agentJar, Path appClasses, Path appClasspathFile, Path outputDir) {

  /** The resource, next to this class, that the build fills in. */
  public static final String RESOURCE = "soak-paths.properties";

  /**
   * @return the paths of the build this class comes from
   * @throws java.util.MissingResourceException when the build did not write {@value #RESOURCE}
   */
  public static SoakPaths fromBuild() {
    ResourceBundle built = ResourceBundle.getBundle(SoakPaths.class.getPackageName() + ".soak-paths");
    Function<String, Path> path = key -> Path.of(built.getString(key)).normalize();
    return new SoakPaths(path.apply("agentJar"), path.apply("appClasses"), path.apply("appClasspathFile"),
        path.apply("outputDir"));
  }

  /**
   * The soak app's runtime classpath: its classes, then its dependencies.
   *
   * @param withOpenReplay whether the OpenReplay libraries ({@code openreplay-*} jars) stay on it
   * @return the classpath
   * @throws IOException when the classpath file cannot be read
   */
  public String appClasspath(boolean withOpenReplay) throws IOException {
    List<String> entries = new ArrayList<>(List.of(appClasses.toString()));
    for (String entry : Files.readString(appClasspathFile, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
      if (withOpenReplay || !isOpenReplayLibrary(entry)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static boolean isOpenReplayLibrary(String entry) {
    Path name = Path.of(entry).getFileName();
    return name != null && name.toString().startsWith("openreplay-");
  }

  /**
   * @param output where the application's output goes instead
   * @return these paths with another output folder
   */
  public SoakPaths withOutputDir(Path output) {
    return new SoakPaths(agentJar, appClasses, appClasspathFile, output);
  }
}
