package io.openreplay.backend.readme.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.readme.ProjectFiles;
import io.openreplay.backend.readme.Readme;
import io.openreplay.backend.readme.maven.MavenCommand;
import io.openreplay.backend.readme.probe.ProbeRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code mvn} and {@code java} commands of the README, exactly as written. The agent's are run: the copy out of
 * the Maven repository (offline, from the local repository this build installed into) and the {@code -javaagent}
 * line on a small {@code your-app.jar}. The build commands are checked against the build: the test command is what
 * {@code .ci/run} runs, and the agent's build command names the module and jar this very build made. {@code ./demo}
 * is run by the sample app's tests; the provider consoles' commands ({@code aws}, {@code gcloud}, {@code curl}) need
 * real accounts and are not run.
 */
class InstallationCommandsTest {

  private static final String AGENT = "io.openreplay.backend.agent.OpenReplayAgent";
  private static Readme readme;
  private static String version;

  @BeforeAll
  static void read() {
    readme = Readme.ofProject();
    version = ProjectFiles.version();
  }

  static String agentCopy() {
    return "mvn org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact=io.openreplay.backend:"
        + "openreplay-agent:" + version + " -DoutputDirectory=. -Dmdep.stripVersion=true";
  }

  static final String AGENT_BUILD = "mvn -B package -pl agent -am -DskipTests";
  static final String AGENT_RUN = "java -javaagent:openreplay-agent.jar -jar your-app.jar";
  static final String AGENT_RUN_ANYWHERE = "java -javaagent:/path/to/openreplay-agent.jar -jar your-app.jar";
  static final String TEST_COMMAND = "mvn -B install";
  static final String SAMPLE_APP = "java -javaagent:agent/target/openreplay-agent.jar -cp "
      + "\"sample-app/target/classes:$(cat sample-app/target/demo.classpath)\" io.openreplay.backend.sample.SampleApp";

  @Test
  void everyMavenAndJavaCommandIsCheckedHere() {
    List<String> commands = ShellCommands.all(readme).stream().map(ShellCommands::withoutEnvironment)
        .filter(command -> command.startsWith("mvn ") || command.startsWith("java "))
        .collect(Collectors.toList());
    assertEquals(Set.of(agentCopy(), AGENT_BUILD, AGENT_RUN, AGENT_RUN_ANYWHERE, TEST_COMMAND, SAMPLE_APP),
        Set.copyOf(commands), "the README's mvn and java commands, each checked by a test of this class");
  }

  @Test
  void theAgentIsCopiedOutOfTheMavenRepositoryAndStartsWithTheApplication() throws Exception {
    Path folder = ProjectFiles.emptyWorkFolder("agent-installation");
    List<String> copy = arguments(agentCopy(), "mvn");
    MavenCommand.Result copied = MavenCommand.offlineOfThisBuild()
        .run(folder, ProjectFiles.work().resolve("agent-installation-mvn.log"), Duration.ofMinutes(5), copy);
    assertTrue(copied.succeeded(), () -> "the README's command copies the agent: " + copied.output());
    Path jar = folder.resolve("openreplay-agent.jar");
    assertTrue(Files.isRegularFile(jar), () -> "openreplay-agent.jar is in the folder: " + copied.output());
    assertIsTheAgent(jar);

    writeYourApp(folder.resolve("your-app.jar"));
    List<String> command = arguments(AGENT_RUN, "java");
    command.add(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
    // The agent's documented switch for its own debug lines: the command itself stays as written.
    builder.environment().put("OPENREPLAY_DEBUG", "true");
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the application ends");
    String out = Files.readString(folder.resolve("out.txt"));
    String err = Files.readString(folder.resolve("err.txt"));
    assertEquals(0, process.exitValue(), () -> out + err);
    assertTrue(out.contains(YourApp.RAN), () -> "the application ran: " + out + err);
    assertTrue(err.contains("[openreplay-agent] started"), () -> "the agent started: " + err);
    assertFalse(err.contains("not started"), () -> err);
  }

  @Test
  void theAgentBuildCommandNamesTheModuleAndTheJarThisBuildMade() throws IOException {
    String rootPom = Files.readString(ProjectFiles.root().resolve("pom.xml"));
    assertTrue(rootPom.contains("<module>agent</module>"), "-pl agent names a module of the root pom");
    String agentPom = Files.readString(ProjectFiles.root().resolve("agent/pom.xml"));
    assertTrue(agentPom.contains("<finalName>openreplay-agent</finalName>"), "the jar is openreplay-agent.jar");
    assertTrue(readme.text().contains("it is then `agent/target/openreplay-agent.jar`"), "the README says where");
    assertIsTheAgent(ProjectFiles.buildFolder("agent").resolve("openreplay-agent.jar"));
  }

  @Test
  void theSampleAppCommandNamesWhatTheBuildMakes() {
    Path classes = ProjectFiles.buildFolder("sample-app").resolve("classes");
    assertTrue(Files.isRegularFile(classes.resolve("io/openreplay/backend/sample/SampleApp.class")), classes::toString);
    assertTrue(Files.isRegularFile(ProjectFiles.buildFolder("sample-app").resolve("demo.classpath")));
    assertTrue(Files.isRegularFile(ProjectFiles.buildFolder("agent").resolve("openreplay-agent.jar")));
  }

  @Test
  void theTestCommandIsWhatContinuousIntegrationRuns() throws IOException {
    List<String> ci = Files.readAllLines(ProjectFiles.root().resolve(".ci/run")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "))
        .collect(Collectors.toList());
    assertEquals(List.of("exec " + TEST_COMMAND), ci, ".ci/run runs the README's test command and nothing else");
    List<String> building = ShellCommands.all(Readme.parse(readme.sectionText("Building and testing")));
    assertEquals(List.of(TEST_COMMAND), building, "Building and testing shows the one test command");
  }

  private static void assertIsTheAgent(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertEquals(AGENT, main.getValue("Premain-Class"), jar::toString);
      assertEquals(AGENT, main.getValue("Agent-Class"), jar::toString);
      assertEquals("io.openreplay.backend.agent", main.getValue("Automatic-Module-Name"), jar::toString);
      assertTrue(file.getEntry("io/openreplay/backend/agent/shaded/net/bytebuddy/ByteBuddy.class") != null,
          "Byte Buddy is inside, relocated");
    }
  }

  private static List<String> arguments(String command, String program) {
    List<String> words = new ArrayList<>(Arrays.asList(command.split(" ")));
    assertEquals(program, words.remove(0));
    return words;
  }

  private static void writeYourApp(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, YourApp.class.getName());
    String entry = YourApp.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.putNextEntry(new JarEntry(entry));
      jarOut.write(Files.readAllBytes(ProbeRun.codeSource(YourApp.class).resolve(entry)));
      jarOut.closeEntry();
    }
  }
}
