package io.openreplay.backend.agent;

import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Matches a {@link TypeInstrumentation}'s types, first testing cheaply, once per class loader, that the loader sees
 * the library at all: a class loader without the library never pays for the type matcher.
 */
final class LibraryTypeMatcher implements AgentBuilder.RawMatcher {

  private final TypeInstrumentation type;
  private final Map<ClassLoader, Boolean> libraryVisible = Collections.synchronizedMap(new WeakHashMap<>());

  LibraryTypeMatcher(TypeInstrumentation type) {
    this.type = type;
  }

  @Override
  public boolean matches(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain) {
    return seesLibrary(classLoader) && type.types().matches(typeDescription);
  }

  private boolean seesLibrary(ClassLoader classLoader) {
    String required = type.requiredClass();
    if (required == null) {
      return true;
    }
    if (classLoader == null) {
      return false;
    }
    Boolean visible = libraryVisible.get(classLoader);
    if (visible == null) {
      visible = classLoader.getResource(required.replace('.', '/') + ".class") != null;
      libraryVisible.put(classLoader, visible);
    }
    return visible;
  }
}
