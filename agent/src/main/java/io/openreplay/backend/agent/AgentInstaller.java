package io.openreplay.backend.agent;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.config.AgentConfig;
import io.openreplay.backend.agent.instrumentation.Instrumentations;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.servlet.ServletInstrumentation;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Reads the settings, publishes them to the bootstrap holder and installs every enabled instrumentation with one
 * Byte Buddy {@link AgentBuilder}: advice only, no change of class format, so classes already loaded (the JDK's
 * executors and threads) are retransformed in place. Last, it publishes the {@link RequestsMarker} when the servlet
 * instrumentation is installed.
 */
final class AgentInstaller {

  private AgentInstaller() {
  }

  static void install(Instrumentation instrumentation) {
    AgentConfig config = AgentConfig.fromSystem();
    AgentLog.enableDebug(config.debug());
    if (!config.enabled()) {
      AgentLog.debug("disabled by " + AgentConfig.ENABLED + "; nothing is instrumented");
      RequestsMarker.publish(false);
      return;
    }
    config.publish();
    keepByteBuddyOffUnsafe();
    ClassLoader agentLoader = AgentInstaller.class.getClassLoader();
    AgentBuilder builder = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(new TransformationLog())
        .assureReadEdgeTo(instrumentation, CurrentToken.class)
        .ignore(nameStartsWith("io.openreplay.backend.agent.").or(nameStartsWith("net.bytebuddy."))
            .or(isSynthetic()));
    boolean requestsInstrumented = false;
    for (LibraryInstrumentation library : Instrumentations.all()) {
      if (!config.instrumentationEnabled(library.name())) {
        AgentLog.debug("instrumentation " + library.name() + " is off");
        continue;
      }
      requestsInstrumented |= library instanceof ServletInstrumentation;
      for (TypeInstrumentation type : library.types()) {
        builder = builder.type(new LibraryTypeMatcher(type)).transform(new AdviceTransformer(library.name(), type, agentLoader));
      }
      AgentLog.debug("instrumentation " + library.name() + " is on");
    }
    builder.installOn(instrumentation);
    RequestsMarker.publish(requestsInstrumented);
    AgentLog.debug("started; " + RequestsMarker.PROPERTY + (requestsInstrumented
        ? "=" + RequestsMarker.ACTIVE + ": the filter module's filter and listener pass requests through"
        : " unset: the servlet instrumentation is off"));
  }

  /**
   * Byte Buddy's safe mode: the agent needs none of its {@code sun.misc.Unsafe} paths, which recent JDKs warn about
   * on the console. The property's name is the relocated one, so only the agent's own Byte Buddy reads it.
   */
  private static void keepByteBuddyOffUnsafe() {
    if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
      System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    }
  }
}
