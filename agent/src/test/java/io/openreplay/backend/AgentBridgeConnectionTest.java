package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.LibraryBridge;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import io.openreplay.backend.testing.Tokens;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The core's side of the bridge ({@link AgentBridge}) on the agent's real {@link LibraryBridge}: the library reads
 * the token the agent attached, attaches through the agent and gets its very object back, and its attach listeners
 * (the core's test listeners, {@link RecordingAttachListeners}) are told of the agent's attaches. In a JVM with the
 * agent the core finds the bridge in the bootstrap class loader; here, both sides are on the test class path and
 * the core is connected to the class directly.
 */
@ExtendWith(RecordingAttachListeners.OnTestThread.class)
class AgentBridgeConnectionTest {

  private static final SessionToken A = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
  private static final SessionToken B = SessionToken.parse(Tokens.forSession(123456789L)).orElseThrow();

  private final AgentBridge bridge = AgentBridge.connect(LibraryBridge.class);

  @AfterEach
  void nothingRemainsOnTheThread() {
    assertNull(CurrentToken.get());
  }

  /** What the core's second recording listener was told (the first one also checks the library's own context). */
  private static List<String> toldSecond() {
    return RecordingAttachListeners.RECORD.stream().filter(line -> line.startsWith("second "))
        .collect(Collectors.toList());
  }

  @Test
  void theLibrarySeesTheTokenTheAgentAttachedAsOneObjectForTheAttachment() {
    assertNotNull(bridge);
    assertNull(bridge.current());
    TokenScope request = TokenScope.attach(SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN));
    SessionToken seen = bridge.current();
    assertEquals(A, seen);
    assertSame(seen, bridge.current());
    request.close();
    assertNull(bridge.current());
  }

  @Test
  void aTokenTheLibraryAttachesIsTheAgentsCurrentTokenUntilClosed() throws Exception {
    TokenScope request = TokenScope.attach(A);
    AutoCloseable scope = bridge.attach(B);
    assertNotNull(scope);
    assertEquals(B, CurrentToken.get());
    assertSame(B, bridge.current(), "the library gets back the very object it attached");
    scope.close();
    assertSame(A, CurrentToken.get());
    request.close();
  }

  @Test
  void theLibrarysListenersAreToldOfTheAgentsAttachesOnceTheLibraryListens() throws Exception {
    assertTrue(AttachListeners.any(), "the core's test jar registers listeners");
    TokenScope before = TokenScope.attach(A);
    AutoCloseable listening = bridge.listen();
    assertNotNull(listening);
    try {
      assertEquals(List.of("second attach " + Tokens.CONTRACT_TOKEN), toldSecond(),
          "told at once of the token current as the library starts to listen");
      before.close();
      TokenScope request = TokenScope.attach(B);
      TokenScope again = TokenScope.attach(B);
      again.close();
      request.close();
      AutoCloseable byTheLibrary = bridge.attach(A);
      byTheLibrary.close();
    } finally {
      listening.close();
    }
    TokenScope.attach(B).close();
    assertEquals(List.of(
        "second attach " + Tokens.CONTRACT_TOKEN, "second detach " + Tokens.CONTRACT_TOKEN,
        "second attach " + B.token(), "second detach " + B.token(),
        "second attach " + Tokens.CONTRACT_TOKEN, "second detach " + Tokens.CONTRACT_TOKEN), toldSecond(),
        "once per attachment of a new session, whoever attached it, and nothing once the library stopped listening");
  }

  @Test
  void aClassThatIsNoBridgeConnectsNothing() {
    assertNull(AgentBridge.connect(String.class));
  }
}
