package io.openreplay.backend.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A one-class named module, {@value #NAME}, holding {@code definer.BootstrapDefiner}, in a module layer of its own
 * built from bytes in memory. {@code jdk.internal.misc} is exported to that module only, so the agent can define its
 * bootstrap classes without a warning and without opening the JDK's internals to the application's code.
 */
final class DefinerModule {

  static final String NAME = "io.openreplay.backend.agent.definer";
  private static final String PACKAGE = "io.openreplay.backend.agent.definer";
  private static final String CLASS = PACKAGE + ".BootstrapDefiner";
  private static final String RESOURCE = CLASS.replace('.', '/') + ".class";

  private DefinerModule() {
  }

  /**
   * Defines the classes in the bootstrap class loader through the definer module.
   *
   * @param instrumentation the agent's instrumentation, used to export {@code jdk.internal.misc} to the module
   * @param classes class bytes by binary name
   */
  static void defineInBootstrap(Instrumentation instrumentation, Map<String, byte[]> classes)
      throws IOException, ReflectiveOperationException {
    byte[] definer = readOwnResource();
    ModuleDescriptor descriptor = ModuleDescriptor.newModule(NAME).exports(PACKAGE).build();
    ModuleFinder finder = new SingleModuleFinder(new InMemoryModule(descriptor, definer));
    ModuleLayer parent = ModuleLayer.boot();
    Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), Set.of(NAME));
    ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    Module module = layer.findModule(NAME).orElseThrow();
    instrumentation.redefineModule(Object.class.getModule(), Set.of(),
        Map.of("jdk.internal.misc", Set.of(module)), Map.of(), Set.of(), Map.of());
    Class<?> type = layer.findLoader(NAME).loadClass(CLASS);
    type.getMethod("define", Map.class).invoke(null, classes);
  }

  private static byte[] readOwnResource() throws IOException {
    try (InputStream in = DefinerModule.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the agent jar lacks " + RESOURCE);
      }
      return in.readAllBytes();
    }
  }

  /** Finds the one module. */
  private static final class SingleModuleFinder implements ModuleFinder {
    private final ModuleReference reference;

    SingleModuleFinder(ModuleReference reference) {
      this.reference = reference;
    }

    @Override
    public Optional<ModuleReference> find(String name) {
      return NAME.equals(name) ? Optional.of(reference) : Optional.empty();
    }

    @Override
    public Set<ModuleReference> findAll() {
      return Set.of(reference);
    }
  }

  /** The module's one class file, served from memory. */
  private static final class InMemoryModule extends ModuleReference {
    private final byte[] definer;

    InMemoryModule(ModuleDescriptor descriptor, byte[] definer) {
      super(descriptor, URI.create("memory:///" + NAME));
      this.definer = definer;
    }

    @Override
    public ModuleReader open() {
      return new ModuleReader() {
        @Override
        public Optional<URI> find(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<InputStream> open(String name) {
          return RESOURCE.equals(name) ? Optional.of(new java.io.ByteArrayInputStream(definer)) : Optional.empty();
        }

        @Override
        public Optional<ByteBuffer> read(String name) {
          return RESOURCE.equals(name) ? Optional.of(ByteBuffer.wrap(definer)) : Optional.empty();
        }

        @Override
        public Stream<String> list() {
          return Stream.of(RESOURCE);
        }

        @Override
        public void close() {
        }
      };
    }
  }
}
