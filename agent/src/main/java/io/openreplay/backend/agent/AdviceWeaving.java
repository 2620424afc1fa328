package io.openreplay.backend.agent;

import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * One {@link TypeInstrumentation} of one library: whether it matches a type, and its advice woven into a matched
 * type whose shape is the one expected. A type of an unknown shape (another version of the library) is left
 * unchanged, with one debug line.
 */
final class AdviceWeaving {

  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private final String library;
  private final TypeInstrumentation type;

  AdviceWeaving(String library, TypeInstrumentation type) {
    this.library = library;
    this.type = type;
  }

  /**
   * @param typeDescription a candidate class
   * @return whether this instrumentation is for it
   */
  boolean matches(TypeDescription typeDescription) {
    return type.types().matches(typeDescription);
  }

  /**
   * @param builder the class being woven
   * @param typeDescription the class
   * @param typePool describes the advice classes and the types they name
   * @param classFileLocator finds the advice classes (in the agent's class loader) and the library's
   * @return the builder with the advice, or unchanged for a class of an unknown shape
   */
  DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription typeDescription, TypePool typePool,
      ClassFileLocator classFileLocator) {
    if (!type.shape().matches(typeDescription)) {
      if (REPORTED.add(library + ":" + typeDescription.getName())) {
        AgentLog.debug("instrumentation " + library + " skips " + typeDescription.getName()
            + ": unknown version of the library");
      }
      return builder;
    }
    AsmVisitorWrapper.ForDeclaredMethods advice = new AsmVisitorWrapper.ForDeclaredMethods();
    for (TypeInstrumentation.Binding binding : type.advice()) {
      TypeDescription adviceClass = typePool.describe(binding.adviceClass()).resolve();
      advice = advice.invokable(binding.methods(), Advice.to(adviceClass, classFileLocator));
    }
    return builder.visit(advice);
  }
}
