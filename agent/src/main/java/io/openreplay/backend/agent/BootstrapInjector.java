package io.openreplay.backend.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the classes of package {@code io.openreplay.backend.agent.bootstrap} in the bootstrap class loader, so
 * that advice woven into any class, the JDK's included, finds the one shared holder of the current token, and so
 * that the OpenReplay library finds the agent's {@code LibraryBridge} in any class loader. With them go the
 * JDK-only classes of {@code openreplay-core} (the token rule, the keys, the header names, the message prefix,
 * {@code Generations}), which the build relocates into {@code io.openreplay.backend.agent.bootstrap.core}: the agent
 * uses the library's very code, under names of its own, so it never meets the application's copy of the library.
 *
 * <p>The classes are defined directly, with the JDK's internal {@code Unsafe.defineClass}, exported through the
 * instrumentation to a one-class module of the agent's own ({@link DefinerModule}), never to the application's
 * code: appending a jar to the bootstrap class path instead would switch off class data
 * sharing for the application's classes and make the JVM print a warning (and the public {@code sun.misc.Unsafe}
 * prints deprecation warnings on recent JDKs). Only where that fails is a small temporary jar appended. This class
 * must run before any bootstrap class is loaded, so it handles them as bytes.
 */
final class BootstrapInjector {

  /** Where the bootstrap classes sit inside the agent jar. */
  static final String PACKAGE_PATH = "io/openreplay/backend/agent/bootstrap/";

  /** Where the build puts the core's JDK-only classes, relocated; bootstrap classes too. */
  static final String CORE_PATH = PACKAGE_PATH + "core/";

  /** Where the build puts the core's internal JDK-only classes (its {@code Settings}), relocated; bootstrap too. */
  static final String CORE_INTERNAL_PATH = CORE_PATH + "internal/";

  private static final String HOLDER = "io.openreplay.backend.agent.bootstrap.CurrentToken";

  private BootstrapInjector() {
  }

  static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
    if (definedInBootstrap()) {
      AgentLog.debug("bootstrap classes already defined, by an earlier start of the agent");
      return;
    }
    Map<String, byte[]> classes = bootstrapClasses();
    if (classes.isEmpty()) {
      throw new IOException("no bootstrap classes found in the agent jar");
    }
    try {
      DefinerModule.defineInBootstrap(instrumentation, classes);
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
      AgentLog.debug("bootstrap classes appended as a jar, direct definition failed: " + unavailable);
      appendToBootstrapClassPath(instrumentation, classes);
    }
  }

  private static boolean definedInBootstrap() {
    try {
      Class.forName(HOLDER, false, null);
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  private static void appendToBootstrapClassPath(Instrumentation instrumentation, Map<String, byte[]> classes)
      throws IOException {
    File jar = File.createTempFile("openreplay-agent-bootstrap", ".jar");
    jar.deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      for (Map.Entry<String, byte[]> type : classes.entrySet()) {
        out.putNextEntry(new JarEntry(type.getKey().replace('.', '/') + ".class"));
        out.write(type.getValue());
        out.closeEntry();
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
  }

  /**
   * The bootstrap classes, by binary name, read from the agent jar: only the jar holds the core's classes relocated
   * (a classes folder of a build refers to the core's own names, which the bootstrap class loader must never define).
   */
  private static Map<String, byte[]> bootstrapClasses() throws IOException, URISyntaxException {
    Path agentLocation = Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(agentLocation)) {
      throw new IOException("the agent runs from its jar only, not from " + agentLocation);
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile agentJar = new JarFile(agentLocation.toFile())) {
      Enumeration<JarEntry> entries = agentJar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (isDirectlyIn(name, PACKAGE_PATH) || isDirectlyIn(name, CORE_PATH)
            || isDirectlyIn(name, CORE_INTERNAL_PATH)) {
          add(classes, name);
        }
      }
    }
    return classes;
  }

  private static boolean isDirectlyIn(String resource, String folder) {
    return resource.startsWith(folder) && resource.indexOf('/', folder.length()) < 0;
  }

  private static void add(Map<String, byte[]> classes, String resource) throws IOException {
    if (!resource.endsWith(".class") || resource.endsWith("package-info.class")) {
      return;
    }
    try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the agent jar lacks " + resource);
      }
      String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
      classes.put(name, in.readAllBytes());
    }
  }
}
