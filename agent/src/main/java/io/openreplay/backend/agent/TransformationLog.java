package io.openreplay.backend.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Debug lines for every type the agent transforms, and for every failure to transform one (the type stays as is). */
final class TransformationLog extends AgentBuilder.Listener.Adapter {

  @Override
  public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
      boolean loaded, DynamicType dynamicType) {
    AgentLog.debug("instrumented " + typeDescription.getName());
  }

  @Override
  public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
      Throwable throwable) {
    AgentLog.debug("could not instrument " + typeName + ", left unchanged: " + throwable);
  }
}
