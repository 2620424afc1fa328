package io.openreplay.backend.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's compatibility table is backed by tests: every test class it names exists in the project's test
 * sources, and it has a row for each Java version and Spring Boot line the project claims.
 */
class CompatibilityTableTest {

  private static final Pattern TEST_CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)`");

  @Test
  void everyTestClassItNamesExists() throws IOException {
    String table = Readme.ofProject().sectionText("Compatibility");
    Set<String> named = new TreeSet<>();
    Matcher matcher = TEST_CLASS.matcher(table);
    while (matcher.find()) {
      named.add(matcher.group(1));
    }
    assertTrue(named.size() >= 30, "the table names the tests behind its rows: " + named);
    Set<String> present = testClassesOf(ProjectFiles.root());
    List<String> missing = new ArrayList<>(named);
    missing.removeAll(present);
    assertEquals(List.of(), missing, "test classes the compatibility table names that do not exist");
  }

  /** The simple names of the test classes in every {@code src/test/java} of the project, build folders skipped. */
  private static Set<String> testClassesOf(Path root) throws IOException {
    Set<String> found = new TreeSet<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.startsWith("target") || name.startsWith(".") && !dir.equals(root)
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String name = file.getFileName().toString();
        if (name.endsWith("Test.java") && file.toString().replace('\\', '/').contains("/src/test/java/")) {
          found.add(name.substring(0, name.length() - ".java".length()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return found;
  }

  @Test
  void hasARowForEachJavaVersionAndSpringBootLine() {
    String table = Readme.ofProject().sectionText("Compatibility");
    for (String row : List.of("| 17 (", "| 25 (", "| 3.5 | 3.5.7 |", "| 4.0 | 4.0.7 |", "| Tomcat 11 |",
        "| Tomcat 10.1 |", "| Tomcat 9 (javax) |", "| Jetty 12 (ee10) |", "| Undertow |",
        "| Reactor Netty (Spring WebFlux) |", "| logback |", "| Log4j 2 |", "| java.util.logging |",
        "| JBoss LogManager |", "| java.net.http `HttpClient` |", "| `HttpURLConnection` |", "| Apache HttpClient 5 |",
        "| OkHttp |", "| Spring `WebClient` |")) {
      assertTrue(table.contains(row), () -> "a row " + row);
    }
    assertTrue(table.contains("Not supported, or not tested:"), "the table says what is not supported");
  }
}
