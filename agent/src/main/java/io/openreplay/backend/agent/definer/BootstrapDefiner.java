package io.openreplay.backend.agent.definer;

import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;

/**
 * Defines classes in the bootstrap class loader with the JDK's internal {@code Unsafe.defineClass}.
 *
 * <p>This class is never used from the agent jar's own class loader: {@code DefinerModule} loads it into a named
 * module of its own, in a module layer of its own, and the agent exports {@code jdk.internal.misc} to that module
 * alone. The application's code (the unnamed module) never gains access to the JDK's internals.
 */
public final class BootstrapDefiner {

  private BootstrapDefiner() {
  }

  /**
   * Defines each class in the bootstrap class loader.
   *
   * @param classes class bytes by binary name, in an order in which each can be defined
   * @throws ReflectiveOperationException when {@code jdk.internal.misc.Unsafe} cannot be used
   */
  public static void define(Map<String, byte[]> classes) throws ReflectiveOperationException {
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
        ClassLoader.class, ProtectionDomain.class);
    for (Map.Entry<String, byte[]> type : classes.entrySet()) {
      byte[] bytes = type.getValue();
      define.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
    }
  }
}
