package io.openreplay.backend.readme.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user gets from the Maven repository, as this build installed it into the local one: for every artifact of
 * the README's "What is published" table, the jar with the table's {@code Automatic-Module-Name}, its sources and
 * javadoc jars, and its pom under the Apache License 2.0; the agent's artifact is the self-contained agent jar; the
 * BOM manages every one of them. Also: every class and package of this project that the README names exists.
 */
class PublishedArtifactsTest {

  private static final String GROUP_PATH = "io/openreplay/backend";
  private static final Pattern NAMED = Pattern.compile("io\\.openreplay\\.backend(?:\\.[A-Za-z_]\\w*)+");

  private static Readme readme;
  private static List<PublishedArtifacts.Row> rows;

  @BeforeAll
  static void read() {
    readme = Readme.ofProject();
    rows = PublishedArtifacts.of(readme);
  }

  private static Path installed(String artifactId, String suffix) {
    String version = ProjectFiles.version();
    return Path.of(ProjectFiles.required("maven.repo.local")).resolve(GROUP_PATH).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + suffix);
  }

  @Test
  void theTableListsTheBomsArtifacts() throws IOException {
    assertEquals(16, rows.size(), () -> "rows of the table: " + rows);
    String bom = Files.readString(installed("openreplay-bom", ".pom"));
    Set<String> managed = new TreeSet<>();
    Matcher artifact = Pattern.compile("<artifactId>(openreplay-[\\w-]+)</artifactId>").matcher(bom);
    while (artifact.find()) {
      managed.add(artifact.group(1));
    }
    managed.remove("openreplay-bom");
    Set<String> published = rows.stream().map(PublishedArtifacts.Row::artifactId)
        .filter(id -> !id.equals("openreplay-bom")).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(published, managed, "the BOM manages every published artifact");
  }

  @Test
  void everyJarIsInstalledWithSourcesJavadocAndItsModuleName() throws IOException {
    for (PublishedArtifacts.Row row : rows) {
      assertTrue(Files.isRegularFile(installed(row.artifactId(), ".pom")), row::toString);
      if (!row.isJar()) {
        continue;
      }
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        assertTrue(Files.isRegularFile(installed(row.artifactId(), suffix)),
            () -> row.artifactId() + suffix + " is installed: " + installed(row.artifactId(), suffix));
      }
      try (JarFile jar = new JarFile(installed(row.artifactId(), ".jar").toFile())) {
        assertEquals(row.moduleName(), jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
            row::toString);
      }
      try (JarFile javadoc = new JarFile(installed(row.artifactId(), "-javadoc.jar").toFile())) {
        assertNotNull(javadoc.getEntry("index.html"), () -> row.artifactId() + "'s javadoc has pages");
      }
      assertTrue(Files.isDirectory(ProjectFiles.root().resolve(row.folder())), row::toString);
    }
  }

  @Test
  void everyPomIsUnderTheApacheLicense() throws IOException {
    String license = Files.readString(ProjectFiles.root().resolve("LICENSE"));
    assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004"), "LICENSE");
    String apache = "<name>Apache-2.0</name>";
    assertTrue(Files.readString(installed("openreplay-parent", ".pom")).contains(apache), "the parent pom's licenses");
    assertTrue(Files.readString(installed("openreplay-bom", ".pom")).contains(apache), "the BOM has no parent");
    for (PublishedArtifacts.Row row : rows) {
      String pom = Files.readString(installed(row.artifactId(), ".pom"));
      assertTrue(pom.contains(apache) || pom.contains("<artifactId>openreplay-parent</artifactId>"),
          () -> row.artifactId() + "'s pom names the license or inherits it from openreplay-parent");
    }
  }

  @Test
  void theAgentArtifactIsTheSelfContainedAgentJar() throws IOException {
    Path installed = installed("openreplay-agent", ".jar");
    assertArrayEquals(Files.readAllBytes(ProjectFiles.buildFolder("agent").resolve("openreplay-agent.jar")),
        Files.readAllBytes(installed), "the installed artifact is the agent jar the build made");
    try (JarFile jar = new JarFile(installed.toFile())) {
      assertEquals("io.openreplay.backend.agent.OpenReplayAgent",
          jar.getManifest().getMainAttributes().getValue("Premain-Class"));
      assertEquals("io.openreplay.backend.agent.OpenReplayAgent",
          jar.getManifest().getMainAttributes().getValue("Agent-Class"));
      assertNotNull(jar.getEntry("io/openreplay/backend/agent/shaded/net/bytebuddy/ByteBuddy.class"));
      assertFalse(jar.stream().anyMatch(entry -> entry.getName().startsWith("net/bytebuddy/")),
          "Byte Buddy only relocated");
    }
    String pom = Files.readString(installed("openreplay-agent", ".pom"));
    assertFalse(pom.contains("<artifactId>byte-buddy</artifactId>"), "the agent's pom lists no dependency to fetch");
  }

  @Test
  void everyClassAndPackageTheReadmeNamesExists() throws IOException {
    List<Path> jars = new ArrayList<>();
    for (PublishedArtifacts.Row row : rows) {
      if (row.isJar()) {
        jars.add(installed(row.artifactId(), ".jar"));
      }
    }
    Set<String> entries = new TreeSet<>();
    for (Path path : jars) {
      try (JarFile jar = new JarFile(path.toFile())) {
        jar.stream().map(entry -> entry.getName()).forEach(entries::add);
      }
    }
    // The demo's classes, which the README's sample app command names.
    Path sampleApp = ProjectFiles.buildFolder("sample-app").resolve("classes");
    try (var files = Files.walk(sampleApp)) {
      files.map(file -> sampleApp.relativize(file).toString().replace('\\', '/')).forEach(entries::add);
    }
    Set<String> moduleNames = rows.stream().map(PublishedArtifacts.Row::moduleName).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    Matcher named = NAMED.matcher(readme.text());
    while (named.find()) {
      String name = memberless(named.group());
      String path = name.replace('.', '/');
      boolean isClass = Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1));
      boolean found = isClass ? entries.contains(path + ".class")
          : moduleNames.contains(name) || entries.stream().anyMatch(entry -> entry.startsWith(path + "/"));
      if (!found) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "classes and packages the README names that no published jar holds");
  }

  /** {@code a.b.Type.method} is {@code a.b.Type}; a name without a type is kept. */
  private static String memberless(String name) {
    String[] parts = name.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      if (Character.isUpperCase(parts[i].charAt(0))) {
        return String.join(".", java.util.Arrays.copyOf(parts, i + 1));
      }
    }
    return name;
  }
}
