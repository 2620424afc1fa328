package io.openreplay.backend.readme.maven;

import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The README's dependency blocks, each resolved alone, offline, in a throwaway project of its own: once per test
 * JVM, shared by the tests that need a block's class path.
 */
public final class ReadmeBlocks {

  private static ReadmeBlocks resolved;

  private final ThrowawayProjects projects;
  private final MavenCommand.Result result;

  private ReadmeBlocks(ThrowawayProjects projects, MavenCommand.Result result) {
    this.projects = projects;
    this.result = result;
  }

  /**
   * @return the project README's blocks, resolved on first use
   */
  public static synchronized ReadmeBlocks resolved() {
    if (resolved == null) {
      List<DependencyBlock> blocks = FetchReadmeDependencies.dependencyBlocks(Readme.ofProject());
      ThrowawayProjects projects = ThrowawayProjects.write(
          Path.of(ProjectFiles.required("openreplay.readme.projects")).resolve("offline"), blocks);
      resolved = new ReadmeBlocks(projects, projects.resolve(MavenCommand.offlineOfThisBuild()));
    }
    return resolved;
  }

  /**
   * @return the blocks, in README order
   */
  public List<DependencyBlock> blocks() {
    return projects.blocks();
  }

  /**
   * @param index a block's position
   * @return its resolved class path; fails, with Maven's words, when Maven could not resolve it alone
   */
  public List<Path> classpath(int index) {
    return projects.classpath(index).orElseThrow(() -> new AssertionError(
        projects.blocks().get(index).block().where() + " does not resolve alone in a throwaway project ("
            + projects.project(index) + "); Maven said:\n" + ThrowawayProjects.linesAbout(index, result.output())));
  }

  /**
   * @param section the exact title of a README section
   * @return the position of the section's only dependency block
   */
  public int indexOfSection(String section) {
    List<Integer> found = IntStream.range(0, blocks().size())
        .filter(i -> blocks().get(i).block().section().equals(section)).boxed().collect(Collectors.toList());
    if (found.size() != 1) {
      throw new AssertionError("README section \"" + section + "\" has " + found.size()
          + " dependency blocks; one is expected");
    }
    return found.get(0);
  }

  /**
   * @param section the exact title of a README section
   * @param subsection the exact title of a level-3 heading in it
   * @return the resolved class path of the subsection's only dependency block
   */
  public List<Path> classpathOfSubsection(String section, String subsection) {
    List<Integer> found = IntStream.range(0, blocks().size())
        .filter(i -> blocks().get(i).block().section().equals(section)
            && blocks().get(i).block().subsection().equals(subsection)).boxed().collect(Collectors.toList());
    if (found.size() != 1) {
      throw new AssertionError("README section \"" + section + " > " + subsection + "\" has " + found.size()
          + " dependency blocks; one is expected");
    }
    return classpath(found.get(0));
  }

  /**
   * @param section the exact title of a README section
   * @return the resolved class path of the section's only dependency block
   */
  public List<Path> classpathOfSection(String section) {
    return classpath(indexOfSection(section));
  }
}
