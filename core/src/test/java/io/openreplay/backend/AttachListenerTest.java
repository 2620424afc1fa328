package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

/** The listeners come from this module's test {@code META-INF/services/io.openreplay.backend.spi.AttachListener}. */
@ExtendWith(RecordingAttachListeners.OnTestThread.class)
class AttachListenerTest {

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void listenersAreToldInOrderAndUndoneInReverseOrderDespiteFailingNeighbours() {
    SessionToken a = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
    SessionToken b = SessionToken.parse("42").orElseThrow();
    try (ContextScope outer = OpenReplayContext.attach(a)) {
      try (ContextScope inner = OpenReplayContext.attach(b)) {
        assertEquals("42", MDC.get(SessionToken.SESSION_ID_KEY));
      }
      assertEquals(Tokens.CONTRACT_ID, MDC.get(SessionToken.SESSION_ID_KEY));
    }
    assertEquals(List.of(
        "first attach " + Tokens.CONTRACT_TOKEN + " (current)",
        "second attach " + Tokens.CONTRACT_TOKEN,
        "first attach 42 (current)",
        "second attach 42",
        "second detach 42",
        "first detach 42",
        "second detach " + Tokens.CONTRACT_TOKEN,
        "first detach " + Tokens.CONTRACT_TOKEN), RecordingAttachListeners.RECORD);
    assertEquals(null, MDC.get(SessionToken.SESSION_ID_KEY));
    assertEquals(java.util.Optional.empty(), OpenReplayContext.current());
  }

  @Test
  void wrappedTasksTellTheListenersOnTheThreadThatRunsThem() {
    SessionToken a = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
    Runnable wrapped;
    try (ContextScope scope = OpenReplayContext.attach(a)) {
      wrapped = OpenReplayContext.wrap((Runnable) () -> RecordingAttachListeners.RECORD.add("task ran"));
    }
    RecordingAttachListeners.RECORD.clear();
    wrapped.run();
    assertEquals(List.of("first attach " + Tokens.CONTRACT_TOKEN + " (current)", "second attach " + Tokens.CONTRACT_TOKEN,
        "task ran", "second detach " + Tokens.CONTRACT_TOKEN, "first detach " + Tokens.CONTRACT_TOKEN),
        RecordingAttachListeners.RECORD);
  }
}
