package io.openreplay.backend.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Jetty 12's entry points, {@code org.eclipse.jetty.server.Server.handle(Request, Response, Callback)} and
 * {@code org.eclipse.jetty.ee10.servlet.ServletChannel.handle()}, and its thread pool's worker creation
 * ({@code QueuedThreadPool.startThread}).
 */
public final class JettyInstrumentation implements LibraryInstrumentation {

  private static final String SERVER = "org.eclipse.jetty.server.Server";
  private static final String CHANNEL = "org.eclipse.jetty.ee10.servlet.ServletChannel";
  private static final String POOL = "org.eclipse.jetty.util.thread.QueuedThreadPool";
  private static final String PACKAGE = "io.openreplay.backend.agent.instrumentation.jetty.";

  @Override
  public String name() {
    return "jetty";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(SERVER,
            Binding.of(isMethod().and(named("handle")).and(takesArguments(3))
                .and(takesArgument(0, named("org.eclipse.jetty.server.Request"))), PACKAGE + "JettyRequestAdvice")),
        TypeInstrumentation.named(CHANNEL,
            Binding.of(isMethod().and(named("handle")).and(takesNoArguments()), PACKAGE + "ServletChannelAdvice")),
        TypeInstrumentation.named(POOL,
            Binding.of(isMethod().and(named("startThread")).and(takesNoArguments()),
                "io.openreplay.backend.agent.instrumentation.threads.WorkerCreationAdvice")));
  }
}
