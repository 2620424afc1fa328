package io.openreplay.backend.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Puts the classes of package {@code io.openreplay.backend.agent.bootstrap} into the bootstrap class loader: they
 * are copied from the agent jar into a small temporary jar that is appended to the bootstrap class path, so that
 * advice woven into any class, the JDK's included, finds the one shared holder of the current token.
 *
 * <p>It must run before any of those classes is loaded, so it handles them as files only.
 */
final class BootstrapInjector {

  /** Where the bootstrap classes sit inside the agent jar. */
  static final String PACKAGE_PATH = "io/openreplay/backend/agent/bootstrap/";

  private BootstrapInjector() {
  }

  static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
    Path agentLocation = Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    File jar = File.createTempFile("openreplay-agent-bootstrap", ".jar");
    jar.deleteOnExit();
    int copied = 0;
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      for (String classFile : bootstrapClassFiles(agentLocation)) {
        out.putNextEntry(new JarEntry(classFile));
        try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(classFile)) {
          if (in == null) {
            throw new IOException("the agent lacks " + classFile);
          }
          in.transferTo(out);
        }
        out.closeEntry();
        copied++;
      }
    }
    if (copied == 0) {
      throw new IOException("no bootstrap classes found in " + agentLocation);
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
  }

  /** The class files of the bootstrap package in the agent jar (or, in a build, its classes folder). */
  private static List<String> bootstrapClassFiles(Path agentLocation) throws IOException {
    List<String> found = new ArrayList<>();
    if (Files.isDirectory(agentLocation)) {
      try (Stream<Path> files = Files.list(agentLocation.resolve(PACKAGE_PATH))) {
        files.map(file -> PACKAGE_PATH + file.getFileName()).filter(name -> name.endsWith(".class")).forEach(found::add);
      }
      return found;
    }
    try (JarFile agentJar = new JarFile(agentLocation.toFile())) {
      Enumeration<JarEntry> entries = agentJar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class") && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
          found.add(name);
        }
      }
    }
    return found;
  }
}
