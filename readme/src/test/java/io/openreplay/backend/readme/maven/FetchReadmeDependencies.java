package io.openreplay.backend.readme.maven;

import io.openreplay.backend.readme.Readme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A build step, run before the tests (exec-maven-plugin, phase {@code process-test-classes}): resolves the README's
 * dependency blocks with the build's own repositories, as any build fetches what it needs, so that the tests can
 * resolve them again offline. It never fails the build: the tests say what cannot be resolved.
 */
public final class FetchReadmeDependencies {

  private FetchReadmeDependencies() {
  }

  /**
   * @param args the README, the folder for the throwaway projects, {@code maven.home}, the local repository, and
   *     whether the build runs offline ({@code offline=true} or {@code offline=false})
   */
  public static void main(String[] args) {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: README PROJECTS_FOLDER MAVEN_HOME LOCAL_REPOSITORY offline=true|false");
    }
    List<DependencyBlock> blocks = dependencyBlocks(Readme.read(Path.of(args[0])));
    ThrowawayProjects projects = ThrowawayProjects.write(Path.of(args[1]).resolve("fetch"), blocks);
    MavenCommand maven = new MavenCommand(Path.of(args[2]), Path.of(args[3]), args[4].equals("offline=true"));
    MavenCommand.Result result = projects.resolve(maven);
    System.out.println("[readme] " + blocks.size() + " README dependency blocks resolved"
        + (result.succeeded() ? "" : " with failures (the tests report them; log: " + result.log() + ")"));
  }

  /**
   * @param readme the README
   * @return its dependency blocks, in order
   */
  public static List<DependencyBlock> dependencyBlocks(Readme readme) {
    return readme.blocks().stream().map(DependencyBlock::of).flatMap(Optional::stream)
        .collect(Collectors.toList());
  }
}
