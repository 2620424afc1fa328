package io.openreplay.backend.readme.install;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Building and testing" names the property that picks the JDK 25 of the agent's Java 25 tests as the build defines
 * it: {@code agent-it/tests}' pom sets {@code openreplay.jdk25} to {@code auto} and passes it to the tests, whose
 * {@code Jdks} reads that property with the values {@code auto} and {@code none}.
 */
class Java25PropertyTest {

  @Test
  void theBuildingSectionNamesTheJdk25PropertyItsDefaultAndItsOptOutAsTheBuildDefinesThem() throws IOException {
    String section = Readme.ofProject().sectionText("Building and testing");
    for (String text : List.of("`openreplay.jdk25`", "`auto` (the default)", "`mvn -B install -Dopenreplay.jdk25=none`",
        "`mvn -B install -Dopenreplay.jdk25=/opt/jdk-25`", "fail")) {
      assertTrue(section.contains(text), () -> "Building and testing says " + text);
    }
    String pom = Files.readString(ProjectFiles.root().resolve("agent-it/tests/pom.xml"));
    assertTrue(pom.contains("<openreplay.jdk25>auto</openreplay.jdk25>"), "the property's default is auto");
    assertTrue(pom.contains("<openreplay.jdk25>${openreplay.jdk25}</openreplay.jdk25>"),
        "surefire passes the property to the tests");
    String jdks = Files.readString(
        ProjectFiles.root().resolve("agent-it/tests/src/test/java/io/openreplay/backend/it/Jdks.java"));
    for (String constant : List.of("JDK25_PROPERTY = \"openreplay.jdk25\"", "AUTO = \"auto\"", "NONE = \"none\"")) {
      assertTrue(jdks.contains(constant), () -> "the tests read " + constant);
    }
  }
}
