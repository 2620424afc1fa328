package io.openreplay.backend.readme.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One throwaway Maven project per README dependency block, each with nothing but the block (no parent, no
 * dependency management of this project), resolved by Maven in one run: a user's fresh project with the block
 * pasted in. An aggregator lists them as modules only to start Maven once; it shares nothing with them.
 */
public final class ThrowawayProjects {

  /** The dependency plugin this project's build uses, named in full so that every Maven runs the same one. */
  public static final String BUILD_CLASSPATH = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";
  private static final String CLASSPATH_FILE = "classpath.txt";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path folder;
  private final List<DependencyBlock> blocks;

  private ThrowawayProjects(Path folder, List<DependencyBlock> blocks) {
    this.folder = folder;
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Writes the projects: {@code FOLDER/block-N/pom.xml} for the N-th block, and {@code FOLDER/pom.xml} listing them.
   *
   * @param folder an empty or throwaway folder
   * @param blocks the README's dependency blocks
   * @return the written projects
   */
  public static ThrowawayProjects write(Path folder, List<DependencyBlock> blocks) {
    try {
      Files.createDirectories(folder);
      StringBuilder modules = new StringBuilder();
      for (int i = 0; i < blocks.size(); i++) {
        Path module = folder.resolve(moduleName(i));
        Files.createDirectories(module);
        Files.deleteIfExists(module.resolve(CLASSPATH_FILE));
        Files.writeString(module.resolve("pom.xml"), pom(moduleName(i), blocks.get(i)), StandardCharsets.UTF_8);
        modules.append("    <module>").append(moduleName(i)).append("</module>\n");
      }
      Files.writeString(folder.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
          + "  <modelVersion>4.0.0</modelVersion>\n"
          + "  <groupId>readme.throwaway</groupId>\n"
          + "  <artifactId>readme-blocks</artifactId>\n"
          + "  <version>1</version>\n"
          + "  <packaging>pom</packaging>\n"
          + "  <modules>\n" + modules + "  </modules>\n"
          + "</project>\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ThrowawayProjects(folder, blocks);
  }

  /**
   * Resolves every project's dependencies and writes each one's class path; a project that cannot be resolved
   * does not stop the others ({@code --fail-at-end}).
   *
   * @param maven the Maven to run
   * @return Maven's result for the whole run
   */
  public MavenCommand.Result resolve(MavenCommand maven) {
    return maven.run(folder, folder.resolve("maven.log"), TIMEOUT,
        List.of("--fail-at-end", BUILD_CLASSPATH, "-Dmdep.outputFile=" + CLASSPATH_FILE));
  }

  /**
   * @return the blocks, in the order of their projects
   */
  public List<DependencyBlock> blocks() {
    return blocks;
  }

  /**
   * @param index the block's position
   * @return the resolved class path of that block's project, empty when Maven could not resolve it
   */
  public Optional<List<Path>> classpath(int index) {
    Path file = folder.resolve(moduleName(index)).resolve(CLASSPATH_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      return Optional.of(text.isEmpty() ? List.of()
          : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).collect(Collectors.toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param index the block's position
   * @param log Maven's whole output
   * @return the lines of the output that are about that block's project
   */
  public static String linesAbout(int index, String log) {
    String name = moduleName(index);
    List<String> lines = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.contains(name) || line.contains("Could not") || line.contains("could not")) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  /**
   * @param index the block's position
   * @return the folder of that block's project
   */
  public Path project(int index) {
    return folder.resolve(moduleName(index));
  }

  private static String moduleName(int index) {
    return "block-" + (index + 1);
  }

  private static String pom(String name, DependencyBlock block) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <!-- " + block.block().where().replace("--", "- -") + " -->\n"
        + "  <groupId>readme.throwaway</groupId>\n"
        + "  <artifactId>" + name + "</artifactId>\n"
        + "  <version>1</version>\n"
        + "  <packaging>jar</packaging>\n"
        + block.pomText()
        + "</project>\n";
  }
}
