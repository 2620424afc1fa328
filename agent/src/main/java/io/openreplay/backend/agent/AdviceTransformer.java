package io.openreplay.backend.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's part of the agent's class file transformer, handed the candidate classes only: describes the class
 * from its class file, and weaves the advice of every {@link AdviceWeaving} that matches it into the methods it
 * names. Nothing else of the class changes (no field, method or class is added, the class file format stays), so
 * classes can be retransformed. A class the advice cannot be woven into is left unchanged, with one debug line.
 *
 * <p>Byte Buddy is used directly, without its {@code AgentBuilder}, whose start (it generates and loads a class of
 * its own, and loads a hundred more) cost the application's start-up more than all the weaving does.
 */
final class AdviceTransformer implements ClassFileTransformer {

  private static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
      .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
      .with(VisibilityBridgeStrategy.Default.NEVER)
      .with(InstrumentedType.Factory.Default.FROZEN)
      .with(Implementation.Context.Disabled.Factory.INSTANCE);

  private final Instrumentation instrumentation;
  private final List<AdviceWeaving> weavings;
  private final ClassFileLocator agentClasses;
  private final Module adviceModule;
  private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();

  /**
   * @param instrumentation the JVM's instrumentation, to let a transformed class's module read the advice's
   * @param weavings the instrumentations
   * @param agentLoader the class loader of the agent's classes, where the advice classes are read
   * @param adviceModule the module of the classes the advice calls (the bootstrap classes)
   */
  AdviceTransformer(Instrumentation instrumentation, List<AdviceWeaving> weavings, ClassLoader agentLoader,
      Module adviceModule) {
    this.instrumentation = instrumentation;
    this.weavings = List.copyOf(weavings);
    this.agentClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
    this.adviceModule = adviceModule;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classFile) {
    if (internalName == null || transforming.get() != null) {
      return null;
    }
    transforming.set(Boolean.TRUE);
    String name = internalName.replace('/', '.');
    try {
      return weave(module, loader, name, classFile);
    } catch (Throwable failure) {
      AgentLog.debug("could not instrument " + name + ", left unchanged: " + failure);
      return null;
    } finally {
      transforming.remove();
    }
  }

  private byte[] weave(Module module, ClassLoader loader, String name, byte[] classFile) {
    ClassFileLocator library = ClassFileLocator.ForClassLoader.of(loader);
    ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile), library);
    TypePool typePool = pool(locator);
    TypeDescription type = typePool.describe(name).resolve();
    DynamicType.Builder<?> builder = null;
    ClassFileLocator adviceLocator = null;
    TypePool advicePool = null;
    for (AdviceWeaving weaving : weavings) {
      if (weaving.matches(type)) {
        if (builder == null) {
          builder = BYTE_BUDDY.decorate(type, locator);
          adviceLocator = new ClassFileLocator.Compound(agentClasses, library);
          advicePool = pool(adviceLocator);
        }
        builder = weaving.weave(builder, type, advicePool, adviceLocator);
      }
    }
    if (builder == null) {
      return null;
    }
    byte[] woven = builder.make(TypeResolutionStrategy.Disabled.INSTANCE, typePool).getBytes();
    letRead(module);
    AgentLog.debug("instrumented " + name);
    return woven;
  }

  private static TypePool pool(ClassFileLocator locator) {
    return new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
        TypePool.Default.ReaderMode.FAST);
  }

  /** A class of a named module (the JDK's own) must read the bootstrap classes its advice calls. */
  private void letRead(Module module) {
    if (module != null && module.isNamed() && !module.canRead(adviceModule)) {
      instrumentation.redefineModule(module, Set.of(adviceModule), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }
}
