package io.openreplay.backend.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.filter.core.AgentRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The marker the agent publishes is the one the {@code filter} module reads. */
class RequestsMarkerTest {

  @AfterEach
  void clean() {
    System.clearProperty(RequestsMarker.PROPERTY);
  }

  @Test
  void theAgentsMarkerIsTheOneTheFilterReads() {
    assertEquals(AgentRequests.PROPERTY, RequestsMarker.PROPERTY);
    assertEquals(AgentRequests.ACTIVE, RequestsMarker.ACTIVE);
  }

  @Test
  void publishedWhileRequestsAreInstrumentedAndClearedOtherwise() {
    RequestsMarker.publish(true);
    assertEquals(AgentRequests.ACTIVE, System.getProperty(AgentRequests.PROPERTY));
    RequestsMarker.publish(false);
    assertNull(System.getProperty(AgentRequests.PROPERTY));
  }
}
