package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.testing.Tokens;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without the OpenReplay agent in the JVM the library finds no bridge and keeps its own context (the agent's
 * module tests the core's side of the bridge on the agent's real bridge class, and agent-it in JVMs with the agent).
 */
class AgentBridgeTest {

  @Test
  void withoutTheAgentThereIsNoBridgeAndTheContextIsTheLibrarysOwn() {
    assertNull(AgentBridge.get());
    SessionToken token = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
    try (ContextScope scope = OpenReplayContext.attach(token)) {
      assertEquals(Optional.of(token), OpenReplayContext.current());
      assertNull(AgentBridge.get(), "looked up again at most once a second, and still absent");
    }
    assertEquals(Optional.empty(), OpenReplayContext.current());
  }

  @Test
  void aClassWithoutTheBridgesMethodsIsNotUsed() {
    assertNull(AgentBridge.connect(OpenReplayContext.class));
  }
}
