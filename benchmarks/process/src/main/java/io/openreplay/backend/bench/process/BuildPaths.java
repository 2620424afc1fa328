package io.openreplay.backend.bench.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build put what the benchmark starts, as the build wrote it into {@value #RESOURCE} for the build folder
 * in use.
 *
 * @param agentJar the OpenReplay agent jar, as the agent module built it
 * @param otelJar the OpenTelemetry java agent, copied from Maven Central
 * @param otelVersion the OpenTelemetry agent's version
 * @param appClasses the clinic application's compiled classes and resources
 * @param appClasspathFile the file listing the clinic's runtime dependencies
 * @param outputDir where the application's logs of each run go
 */
public record BuildPaths(Path agentJar, Path otelJar, String otelVersion, Path appClasses, Path appClasspathFile,
    Path outputDir) {

  /** The resource, next to this class, that the build fills in. */
  public static final String RESOURCE = "build-paths.properties";

  /**
   * @return the paths of the build this class comes from
   */
  public static BuildPaths fromBuild() {
    Properties properties = new Properties();
    try (InputStream in = BuildPaths.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: build the benchmarks module with Maven");
      }
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildPaths(path(properties, "agentJar"), path(properties, "otelJar"),
        properties.getProperty("otelVersion"), path(properties, "appClasses"), path(properties, "appClasspathFile"),
        path(properties, "outputDir"));
  }

  private static Path path(Properties properties, String key) {
    return Path.of(properties.getProperty(key)).normalize();
  }

  /**
   * @return the clinic's runtime classpath: its classes, then its dependencies
   * @throws IOException when the classpath file cannot be read
   */
  public String appClasspath() throws IOException {
    return appClasses + File.pathSeparator + Files.readString(appClasspathFile, StandardCharsets.UTF_8).trim();
  }

  /**
   * @param output where the application's logs go instead
   * @return these paths with another output folder
   */
  public BuildPaths withOutputDir(Path output) {
    return new BuildPaths(agentJar, otelJar, otelVersion, appClasses, appClasspathFile, output);
  }
}
