package io.openreplay.backend.readme.probe;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@link ProbeApplication} with a README {@code logback.xml} in a JVM of its own: class path = a folder with
 * the snippet as {@code logback.xml}, then a README dependency block's resolved class path, then this module's test
 * classes (for the probe alone). The JVM runs this build's Java, in a working folder of its own.
 */
public final class ProbeRun {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path folder;
  private final String mainClass;
  private final List<Path> classpath = new ArrayList<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  /**
   * @param folder an empty folder: it receives {@code config/logback.xml}, is the JVM's working folder and holds
   *     its output
   * @param logbackXml the snippet, written as it is
   * @param blockClasspath the resolved class path of the README dependency block the snippet goes with
   */
  public ProbeRun(Path folder, String logbackXml, List<Path> blockClasspath) {
    this(folder, "logback.xml", logbackXml, blockClasspath, ProbeApplication.class.getName());
  }

  /**
   * @param folder an empty folder: it receives {@code config/<configFile>}, is the JVM's working folder and holds
   *     its output
   * @param configFile the name the snippet is written under, such as {@code log4j2.xml}
   * @param configText the snippet, written as it is
   * @param blockClasspath the resolved class path of the README dependency block the snippet goes with
   * @param mainClass the probe application to run, a class of this module's tests
   */
  public ProbeRun(Path folder, String configFile, String configText, List<Path> blockClasspath, String mainClass) {
    this.folder = folder;
    this.mainClass = mainClass;
    try {
      Files.createDirectories(folder.resolve("config"));
      Files.writeString(folder.resolve("config").resolve(configFile), configText, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    classpath.add(folder.resolve("config"));
    classpath.addAll(blockClasspath);
    classpath.add(codeSource(ProbeApplication.class));
  }

  /**
   * @param path an entry added to the end of the class path
   * @return this
   */
  public ProbeRun withClasspathEntry(Path path) {
    classpath.add(path);
    return this;
  }

  /**
   * @param name a system property of the JVM (which logback's {@code ${NAME}} also reads)
   * @param value its value
   * @return this
   */
  public ProbeRun withSystemProperty(String name, String value) {
    systemProperties.put(name, value);
    return this;
  }

  /**
   * @param name an environment variable of the JVM
   * @param value its value
   * @return this
   */
  public ProbeRun withEnvironment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * @return the JVM's working folder
   */
  public Path folder() {
    return folder;
  }

  /**
   * Starts the JVM with the token to attach and waits for it to end.
   *
   * @param token the session token
   * @return what it printed and its exit code
   */
  public ProbeResult run(String token) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(mainClass);
    command.add(token);
    Path out = folder.resolve("probe.out");
    Path err = folder.resolve("probe.err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("the probe did not end within " + TIMEOUT + "; output: " + Files.readString(out)
            + Files.readString(err));
      }
      return new ProbeResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param type a class
   * @return the folder or jar it was loaded from
   */
  public static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
