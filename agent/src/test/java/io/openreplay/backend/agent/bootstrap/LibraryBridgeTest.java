package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's side of the bridge to the library: the library's object for the current token, attaches made by the
 * library, and the callbacks through which the library's attach listeners are told of the agent's attaches.
 */
class LibraryBridgeTest {

  private static final SessionToken A = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
  private static final SessionToken B = SessionToken.parseOrNull(Tokens.forSession(123456789L));

  /** The library's maker of its token objects, as the library hands it over. */
  private static final Function<String[], Object> VIEWS = parts -> SessionToken.ofParts(parts[0], parts[1]);

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> registrations = new CopyOnWriteArrayList<>();
  /** The callbacks, held here as the library holds its own: the bridge holds them weakly. */
  private final List<Supplier<AutoCloseable>> held = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopListening() throws Exception {
    for (AutoCloseable registration : registrations) {
      registration.close();
    }
    assertNull(CurrentToken.get());
  }

  /** A listener that records what it is told, as {@code NAME attach TOKEN} and {@code NAME detach TOKEN}. */
  private Supplier<AutoCloseable> recording(String name) {
    return () -> {
      Object current = LibraryBridge.current(VIEWS);
      String token = current == null ? "none" : ((SessionToken) current).sessionId();
      told.add(name + " attach " + token);
      return () -> told.add(name + " detach " + token);
    };
  }

  private void listen(Supplier<AutoCloseable> onAttach) {
    held.add(onAttach);
    registrations.add(LibraryBridge.listen(onAttach));
  }

  @Test
  void listenersAreToldOfEachNewSessionOnAThreadAndOfItsEndInReverseOrder() {
    listen(recording("first"));
    listen(recording("second"));
    TokenScope request = TokenScope.attach(A);
    TokenScope sameSession = TokenScope.attach(SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN));
    TokenScope other = TokenScope.attach(B);
    other.close();
    sameSession.close();
    request.close();
    TokenScope none = TokenScope.attach(null);
    none.close();
    String a = A.sessionId();
    String b = B.sessionId();
    assertEquals(List.of("first attach " + a, "second attach " + a, "first attach " + b, "second attach " + b,
        "second detach " + b, "first detach " + b, "second detach " + a, "first detach " + a), told,
        "the same session nested is not told twice, a scope without a token tells nobody");
  }

  @Test
  void theLibrarysObjectForTheTokenIsGivenBackWhileTheAttachmentLasts() throws Exception {
    assertNull(LibraryBridge.current(VIEWS));
    SessionToken attachedByTheLibrary = SessionToken.ofParts(A.token(), A.sessionId());
    try (AutoCloseable scope = LibraryBridge.attach(A.token(), A.sessionId(), attachedByTheLibrary, VIEWS)) {
      assertEquals(A, CurrentToken.get());
      assertSame(attachedByTheLibrary, LibraryBridge.current(VIEWS));
      Function<String[], Object> anotherLibrary = parts -> List.of(parts[0], parts[1]);
      assertEquals(List.of(A.token(), A.sessionId()), LibraryBridge.current(anotherLibrary),
          "another copy of the library gets an object of its own");
    }
    assertNull(CurrentToken.get());
    TokenScope byTheAgent = TokenScope.attach(B);
    AtomicInteger makings = new AtomicInteger();
    Function<String[], Object> countingViews = parts -> {
      makings.incrementAndGet();
      return VIEWS.apply(parts);
    };
    try {
      Object made = LibraryBridge.current(countingViews);
      assertEquals(B, made);
      assertSame(made, LibraryBridge.current(countingViews), "made once per attachment");
      assertEquals(1, makings.get(), "made by the library's maker, once per attachment");
    } finally {
      byTheAgent.close();
    }
  }

  @Test
  void valuesTheContractRejectsLeaveTheThreadWithoutAToken() throws Exception {
    TokenScope request = TokenScope.attach(A);
    try (AutoCloseable scope = LibraryBridge.attach("bad value", null, "view", VIEWS)) {
      assertNull(CurrentToken.get());
      assertNull(LibraryBridge.current(VIEWS));
    }
    assertSame(A, CurrentToken.get());
    request.close();
  }

  @Test
  void aListenerRegisteredDuringAnAttachmentIsToldOfItAtOnceAndOfItsEnd() {
    TokenScope request = TokenScope.attach(A);
    listen(recording("late"));
    assertEquals(List.of("late attach " + A.sessionId()), told);
    request.close();
    assertEquals(List.of("late attach " + A.sessionId(), "late detach " + A.sessionId()), told);
  }

  @Test
  void failingListenersNeverReachTheThreadAndTheOthersAreStillTold() {
    listen(() -> {
      throw new IllegalStateException("listener failure on attach");
    });
    listen(() -> () -> {
      throw new IllegalStateException("listener failure on detach");
    });
    listen(recording("working"));
    TokenScope request = TokenScope.attach(A);
    request.close();
    assertEquals(List.of("working attach " + A.sessionId(), "working detach " + A.sessionId()), told);
  }

  @Test
  void attachmentsMadeByAListenerTellNobody() {
    listen(() -> {
      told.add("attach");
      TokenScope nested = TokenScope.attach(B);
      return () -> {
        nested.close();
        told.add("detach");
      };
    });
    TokenScope request = TokenScope.attach(A);
    assertEquals(B, CurrentToken.get(), "the listener's own attachment");
    request.close();
    assertEquals(List.of("attach", "detach"), told);
  }

  @Test
  void aClosedRegistrationIsToldNothingMore() throws Exception {
    Supplier<AutoCloseable> closed = recording("closed");
    held.add(closed);
    AutoCloseable registration = LibraryBridge.listen(closed);
    registration.close();
    TokenScope request = TokenScope.attach(A);
    request.close();
    assertEquals(List.of(), told);
  }
}
