package io.openreplay.backend.readme.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.openreplay.backend.readme.ProjectFiles;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Maven dependency block of the README, pasted alone into a throwaway project (nothing of this project's poms
 * around it), resolved by Maven offline from the local repository into which this build installed its artifacts;
 * then, on the resolved class path alone (the JDK's platform classes as parent), the classes a user names load. A
 * block that brings two logback halves of different versions, or a logback that SLF4J cannot use, fails here.
 */
class DependencyBlocksTest {

  private static final String GROUP = "io.openreplay.backend";

  @TestFactory
  Stream<DynamicTest> eachBlockResolvesAloneAndItsClassesLoad() {
    ReadmeBlocks blocks = ReadmeBlocks.resolved();
    return IntStream.range(0, blocks.blocks().size()).mapToObj(i -> DynamicTest.dynamicTest(
        blocks.blocks().get(i).block().where(), () -> resolvesAndLoads(blocks.blocks().get(i), blocks.classpath(i))));
  }

  private static void resolvesAndLoads(DependencyBlock block, List<Path> classpath) throws Exception {
    String where = block.block().where();
    for (Coordinates dependency : block.dependencies()) {
      assertTrue(classpath.stream().anyMatch(entry -> isArtifact(entry, dependency)),
          () -> where + ": " + dependency + " is on the resolved class path " + classpath);
    }
    assertOneLogback(where, classpath);
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
      for (Coordinates dependency : block.dependencies()) {
        List<String> loaded = ArtifactClasses.loaded(dependency.key()).orElseThrow(() -> new AssertionError(where
            + " names " + dependency.key() + ", which ArtifactClasses does not know: add the classes a user names"));
        for (String name : loaded) {
          try {
            assertEquals(name, Class.forName(name, true, loader).getName());
          } catch (ClassNotFoundException | LinkageError e) {
            fail(where + ": " + name + " (of " + dependency.key() + ") does not load from the block's class path: "
                + e, e);
          }
        }
        for (String name : ArtifactClasses.present(dependency.key())) {
          assertNotNull(loader.getResource(name.replace('.', '/') + ".class"),
              () -> where + ": " + name + " is in " + dependency.key());
        }
      }
    }
  }

  /** logback-classic and logback-core of one version, and an SLF4J that uses it (2.x for logback 1.3 and later). */
  private static void assertOneLogback(String where, List<Path> classpath) {
    Optional<String> classic = versionOf(classpath, "ch.qos.logback", "logback-classic");
    Optional<String> core = versionOf(classpath, "ch.qos.logback", "logback-core");
    Optional<String> slf4j = versionOf(classpath, "org.slf4j", "slf4j-api");
    if (classic.isEmpty()) {
      return;
    }
    assertEquals(classic, core, () -> where + ": logback-classic and logback-core of one version, on " + classpath);
    assertFalse(classic.get().startsWith("1.2.") || classic.get().startsWith("1.1."),
        () -> where + ": logback " + classic.get() + " is an SLF4J 1 binding; this project needs logback 1.5");
    assertTrue(slf4j.isPresent() && slf4j.get().startsWith("2."),
        () -> where + ": logback " + classic.get() + " needs SLF4J 2, the block resolves slf4j-api " + slf4j);
  }

  @Test
  void versionsAreTheOnesTheBuildTests() {
    BuildVersions build = BuildVersions.of(ProjectFiles.root().resolve("pom.xml"));
    List<String> wrong = new ArrayList<>();
    for (DependencyBlock block : ReadmeBlocks.resolved().blocks()) {
      List<Coordinates> all = new ArrayList<>(block.dependencies());
      all.addAll(block.imports());
      for (Coordinates dependency : all) {
        String expected = dependency.groupId().equals(GROUP) ? ProjectFiles.version()
            : build.version(dependency.key()).orElse(null);
        boolean leftToBom = dependency.version().isEmpty() && dependency.groupId().equals(GROUP)
            && block.imports().stream().anyMatch(bom -> bom.artifactId().equals("openreplay-bom"));
        if (leftToBom) {
          continue;
        }
        if (expected == null) {
          wrong.add(block.block().where() + ": " + dependency.key() + " is not managed by the parent pom, so no test"
              + " of this build uses the version the README names");
        } else if (!expected.equals(dependency.version())) {
          wrong.add(block.block().where() + ": " + dependency + " where the build uses " + expected);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theLibraryInstallationImportsTheBomAndLeavesTheVersionsToIt() {
    ReadmeBlocks blocks = ReadmeBlocks.resolved();
    List<DependencyBlock> installation = blocks.blocks().stream()
        .filter(block -> block.block().section().equals("Installation")).collect(Collectors.toList());
    assertEquals(1, installation.size(), "one dependency block in Installation: " + installation);
    DependencyBlock library = installation.get(0);
    assertEquals(List.of(GROUP + ":openreplay-bom"),
        library.imports().stream().map(Coordinates::key).collect(Collectors.toList()));
    assertEquals(Map.of(), library.dependencies().stream().filter(d -> !d.version().isEmpty())
        .collect(Collectors.toMap(Coordinates::key, Coordinates::version)), "versions come from the BOM");
  }

  private static boolean isArtifact(Path entry, Coordinates dependency) {
    String path = entry.toString().replace('\\', '/');
    String folder = "/" + dependency.groupId().replace('.', '/') + "/" + dependency.artifactId() + "/";
    String version = dependency.version().isEmpty() ? "" : dependency.version() + "/";
    return path.contains(folder + version) && path.endsWith(".jar");
  }

  private static Optional<String> versionOf(List<Path> classpath, String groupId, String artifactId) {
    String folder = "/" + groupId.replace('.', '/') + "/" + artifactId + "/";
    return classpath.stream().map(entry -> entry.toString().replace('\\', '/')).filter(path -> path.contains(folder))
        .map(path -> path.substring(path.indexOf(folder) + folder.length()))
        .map(rest -> rest.substring(0, rest.indexOf('/'))).findFirst();
  }

  private static URL[] urls(List<Path> classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classpath.get(i).toUri().toURL();
    }
    return urls;
  }
}
