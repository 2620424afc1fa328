package io.openreplay.backend.readme.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.ReadmeBlocks;
import io.openreplay.backend.readme.probe.ProbeRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java block of the README compiles as written, placed as its text says (statements in a method, a class as
 * a class), with the imports of the types it names and its free variables declared ({@link JavaBlockContexts}).
 * The class path is what the README's blocks bring: the library's installation block and jul-to-slf4j's, as Maven
 * resolves them alone, plus the servlet API a container supplies; a block of "Downstream services" also gets the
 * class path of the dependency block before it (its HTTP client's). The blocks that need Spring are the code that
 * a module's test runs, which this test checks instead: the Spring Boot block the filter module's, the
 * {@code RestTemplate} and {@code WebClient} blocks those of {@code spring-web} and {@code webflux}.
 */
class JavaBlocksTest {

  private static final String SPRING_BOOT_BLOCK_START = "@Bean";
  private static final String DOWNSTREAM = "Downstream services";
  /** The blocks that need Spring, by how they start, and the test source that runs each. */
  private static final Map<String, String> RUN_BY_MODULE_TESTS = Map.of(
      "restTemplate.getInterceptors().add(",
      "spring-web/src/test/java/io/openreplay/backend/springweb/ReadmeWiringTest.java",
      "WebClient webClient = WebClient.builder()",
      "webflux/src/test/java/io/openreplay/backend/webflux/ReadmeWiringTest.java");

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
    List<CodeBlock> blocks = Readme.ofProject().blocks("java").stream()
        .filter(block -> !block.text().startsWith(SPRING_BOOT_BLOCK_START))
        .filter(block -> runByModuleTest(block).isEmpty()).collect(Collectors.toList());
    return IntStream.range(0, blocks.size()).mapToObj(i -> DynamicTest.dynamicTest(blocks.get(i).where(),
        () -> compiles(blocks.get(i), i, classpath(blocks.get(i)))));
  }

  @TestFactory
  Stream<DynamicTest> theSpringClientBlocksAreTheOnesTheirModulesRun() throws IOException {
    List<CodeBlock> blocks = Readme.ofProject().blocks("java").stream()
        .filter(block -> runByModuleTest(block).isPresent()).collect(Collectors.toList());
    assertEquals(RUN_BY_MODULE_TESTS.size(), blocks.size(), "one README block for each of " + RUN_BY_MODULE_TESTS);
    return blocks.stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> {
      String file = runByModuleTest(block).orElseThrow();
      String tested = Files.readString(ProjectFiles.root().resolve(file));
      assertTrue(normalized(tested).contains(normalized(block.text())),
          () -> file + " holds the README's block: " + block.where());
    }));
  }

  private static Optional<String> runByModuleTest(CodeBlock block) {
    return RUN_BY_MODULE_TESTS.entrySet().stream().filter(entry -> block.text().startsWith(entry.getKey()))
        .map(Map.Entry::getValue).findFirst();
  }

  @Test
  void theSpringBootBlockIsTheOneTheFilterModuleRuns() throws IOException {
    List<CodeBlock> spring = Readme.ofProject().blocks("java").stream()
        .filter(block -> block.text().startsWith(SPRING_BOOT_BLOCK_START)).collect(Collectors.toList());
    assertEquals(1, spring.size(), "one Spring Boot block");
    String tested = Files.readString(ProjectFiles.root()
        .resolve("filter/src/test/java/io/openreplay/backend/filter/spring/OpenReplayRegistration.java"));
    assertTrue(normalized(tested).contains(normalized(spring.get(0).text())),
        () -> "filter's OpenReplayRegistration holds the README's Spring Boot block: " + spring.get(0).where());
  }

  private static void compiles(CodeBlock block, int index, String classpath) throws IOException {
    JavaBlockContexts.Context context = JavaBlockContexts.of(block);
    Path folder = ProjectFiles.emptyWorkFolder("java-block-" + (index + 1));
    Path sources = Files.createDirectories(folder.resolve("src"));
    Path classes = Files.createDirectories(folder.resolve("classes"));
    List<Path> files = new ArrayList<>();
    context.files(block.text()).forEach((name, text) -> {
      try {
        files.add(Files.writeString(sources.resolve(name + ".java"), text));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      boolean compiled = compiler.getTask(null, manager, diagnostics,
          List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none", "-Xlint:none"), null,
          manager.getJavaFileObjectsFromPaths(files)).call();
      String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
              + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      assertTrue(compiled, () -> block.where() + " does not compile:\n" + errors);
    }
  }

  /**
   * The installation block's and jul-to-slf4j's resolved class paths, and the servlet API; for a block of
   * "Downstream services", also the class path of the dependency block before it.
   */
  private static String classpath(CodeBlock block) {
    ReadmeBlocks blocks = ReadmeBlocks.resolved();
    Set<Path> entries = new LinkedHashSet<>(blocks.classpathOfSection("Installation"));
    if (block.section().equals(DOWNSTREAM)) {
      int client = IntStream.range(0, blocks.blocks().size())
          .filter(i -> blocks.blocks().get(i).block().section().equals(DOWNSTREAM)
              && blocks.blocks().get(i).block().line() < block.line())
          .reduce((first, second) -> second)
          .orElseThrow(() -> new AssertionError(block.where() + " has a dependency block before it"));
      entries.addAll(blocks.classpath(client));
    }
    int bridge = IntStream.range(0, blocks.blocks().size())
        .filter(i -> blocks.blocks().get(i).dependencies().stream()
            .anyMatch(d -> d.key().equals("org.slf4j:jul-to-slf4j")))
        .findFirst().orElseThrow(() -> new AssertionError("the README has a jul-to-slf4j block"));
    entries.addAll(blocks.classpath(bridge));
    entries.add(ProbeRun.codeSource(jakarta.servlet.ServletContext.class));
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static String normalized(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }
}
