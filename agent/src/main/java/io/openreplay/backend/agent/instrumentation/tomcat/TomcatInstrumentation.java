package io.openreplay.backend.agent.instrumentation.tomcat;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation.Binding;
import java.util.List;

/**
 * Tomcat's entry points, {@code org.apache.catalina.connector.CoyoteAdapter.service} and {@code asyncDispatch},
 * and its own thread pool's worker creation ({@code org.apache.tomcat.util.threads.ThreadPoolExecutor.addWorker}).
 */
public final class TomcatInstrumentation implements LibraryInstrumentation {

  private static final String ADAPTER = "org.apache.catalina.connector.CoyoteAdapter";
  private static final String POOL = "org.apache.tomcat.util.threads.ThreadPoolExecutor";

  @Override
  public String name() {
    return "tomcat";
  }

  @Override
  public List<TypeInstrumentation> types() {
    return List.of(
        TypeInstrumentation.named(ADAPTER,
            Binding.of(isMethod().and(named("service").or(named("asyncDispatch")))
                    .and(takesArgument(0, named("org.apache.coyote.Request"))),
                "io.openreplay.backend.agent.instrumentation.tomcat.CoyoteRequestAdvice")),
        TypeInstrumentation.named(POOL,
            Binding.of(isMethod().and(named("addWorker")),
                "io.openreplay.backend.agent.instrumentation.threads.WorkerCreationAdvice")));
  }
}
