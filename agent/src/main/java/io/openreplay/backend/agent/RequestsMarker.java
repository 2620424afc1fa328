package io.openreplay.backend.agent;

/**
 * Tells the {@code filter} module's filters and request listeners, if the application has them too, that the agent
 * attaches every request's token itself: the system property {@value #PROPERTY} is {@value #ACTIVE} while the
 * agent's servlet instrumentation (the entry point every servlet container goes through) is installed, and absent
 * otherwise. The filters and listeners then pass requests through, so that nothing is attached twice; with the
 * servlet instrumentation switched off they attach the token as they do without the agent.
 */
final class RequestsMarker {

  /** The system property; the same name as {@code io.openreplay.backend.filter.core.AgentRequests.PROPERTY}. */
  static final String PROPERTY = "openreplay.agent.requests";

  /** Its value while the agent attaches requests. */
  static final String ACTIVE = "active";

  private RequestsMarker() {
  }

  /**
   * Sets or clears the marker.
   *
   * @param requestsInstrumented whether the agent's request instrumentation is installed
   */
  static void publish(boolean requestsInstrumented) {
    if (requestsInstrumented) {
      System.setProperty(PROPERTY, ACTIVE);
    } else {
      System.clearProperty(PROPERTY);
    }
  }
}
