package io.openreplay.backend.readme.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven as a user runs it: the {@code mvn} of the Maven that runs this build, in a process of its own, on the local
 * repository of this build.
 *
 * @param mavenHome the Maven installation ({@code maven.home})
 * @param localRepository the local repository ({@code settings.localRepository})
 * @param offline whether to add {@code -o}: resolve from the local repository only
 */
public record MavenCommand(Path mavenHome, Path localRepository, boolean offline) {

  /** What a finished {@code mvn} left. */
  public record Result(int exitCode, String output, Path log) {

    /**
     * @return whether it succeeded
     */
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * The command the tests use: this build's Maven and local repository (from the system properties
   * {@code maven.home} and {@code maven.repo.local} the build sets), offline.
   *
   * @return the command
   */
  public static MavenCommand offlineOfThisBuild() {
    return new MavenCommand(Path.of(io.openreplay.backend.readme.ProjectFiles.required("maven.home")),
        Path.of(io.openreplay.backend.readme.ProjectFiles.required("maven.repo.local")), true);
  }

  /**
   * Runs {@code mvn -B [-o] -Dmaven.repo.local=... ARGS} and waits for it.
   *
   * @param directory the working directory
   * @param log the file that receives the whole output
   * @param timeout how long it may take; it is ended after that
   * @param arguments the arguments as a user types them after {@code mvn}
   * @return its exit code and output
   */
  public Result run(Path directory, Path log, Duration timeout, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(mavenHome.resolve("bin").resolve("mvn").toString());
    command.add("-B");
    if (offline) {
      command.add("-o");
    }
    command.add("-Dmaven.repo.local=" + localRepository);
    command.addAll(arguments);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        return new Result(-1, "mvn did not finish within " + timeout + ": " + read(log), log);
      }
      return new Result(process.exitValue(), read(log), log);
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
