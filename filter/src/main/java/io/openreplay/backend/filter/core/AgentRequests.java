package io.openreplay.backend.filter.core;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the OpenReplay Java agent ({@code -javaagent:openreplay-agent.jar}) attaches every request's token
 * itself. The agent says so by setting the system property {@value #PROPERTY} to {@value #ACTIVE} once its
 * request instrumentation is installed (and clears it when that instrumentation is switched off). While it is set,
 * the filters and request listeners of this module leave requests to the agent and attach nothing, so that no
 * request is attached twice. The property is read on every request, so an agent attached at run time takes over
 * from the next request on.
 *
 * <p>The property is the agent's to set; this module does not depend on the agent in any other way.
 */
public final class AgentRequests {

  /** The system property the agent sets while it attaches requests' tokens itself. */
  public static final String PROPERTY = "openreplay.agent.requests";

  /** The value of {@value #PROPERTY} that hands requests to the agent. */
  public static final String ACTIVE = "active";

  private static final Logger LOG = LoggerFactory.getLogger(AgentRequests.class);
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private AgentRequests() {
  }

  /**
   * Whether the agent attaches requests' tokens in this JVM. The first time it does, one debug line says that the
   * filters and listeners pass requests through.
   *
   * @return {@code true} while {@value #PROPERTY} is {@value #ACTIVE}
   */
  static boolean active() {
    String value;
    try {
      value = System.getProperty(PROPERTY);
    } catch (RuntimeException e) {
      return false;
    }
    if (!ACTIVE.equals(value)) {
      return false;
    }
    if (!REPORTED.get() && REPORTED.compareAndSet(false, true)) {
      LOG.debug("OpenReplay: the OpenReplay agent attaches requests' tokens ({}={}); the filter and request listener"
          + " pass requests through", PROPERTY, ACTIVE);
    }
    return true;
  }
}
