package io.openreplay.backend.agent;

import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves a {@link TypeInstrumentation}'s advice into a matched type whose shape is the one expected; a type of
 * an unknown shape (another version of the library) is left unchanged, with one debug line.
 */
final class AdviceTransformer implements AgentBuilder.Transformer {

  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private final String library;
  private final TypeInstrumentation type;
  private final AgentBuilder.Transformer.ForAdvice advice;

  AdviceTransformer(String library, TypeInstrumentation type, ClassLoader agentLoader) {
    this.library = library;
    this.type = type;
    AgentBuilder.Transformer.ForAdvice forAdvice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
    for (TypeInstrumentation.Binding binding : type.advice()) {
      forAdvice = forAdvice.advice(binding.methods(), binding.adviceClass());
    }
    this.advice = forAdvice;
  }

  @Override
  public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription typeDescription,
      ClassLoader classLoader, JavaModule module, ProtectionDomain protectionDomain) {
    if (!type.shape().matches(typeDescription)) {
      if (REPORTED.add(library + ":" + typeDescription.getName())) {
        AgentLog.debug("instrumentation " + library + " skips " + typeDescription.getName()
            + ": unknown version of the library");
      }
      return builder;
    }
    return advice.transform(builder, typeDescription, classLoader, module, protectionDomain);
  }
}
