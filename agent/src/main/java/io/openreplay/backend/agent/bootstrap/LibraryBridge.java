package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.lang.ref.WeakReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the OpenReplay library ({@code openreplay-core}'s {@code OpenReplayContext}, in whatever class loader the
 * application has it) meets the agent, so that both see one current token: the library reads the agent's token,
 * attaches through the agent, and has the agent tell its attach listeners of every token the agent attaches to a
 * thread. The library finds this class by name in the bootstrap class loader; only JDK types cross.
 *
 * <p>A listener is told when a thread gets a token of another session than the one it had (a request's token, a
 * task's token on a pool thread, a token attached by the library), and told of the detach, on the same thread, when
 * that attachment ends. Listeners are held weakly (the library holds its own callback), so an application's class
 * loader is never kept by the agent; their failures are swallowed.
 */
public final class LibraryBridge {

  private static final Object LOCK = new Object();
  private static final ThreadLocal<int[]> TELLING = new Depth();
  private static volatile Listener[] listeners = new Listener[0];

  private LibraryBridge() {
  }

  /**
   * The library's object for this thread's current token.
   *
   * @param viewMaker the library's maker of its token objects from {@code {token, sessionId}}; the object it makes
   *     is kept for the rest of the attachment, and given back while it lasts
   * @return the library's object, or {@code null} when no token is current
   */
  public static Object current(Function<String[], Object> viewMaker) {
    TokenScope scope = CurrentToken.innermost();
    return scope == null ? null : scope.view(viewMaker);
  }

  /**
   * Attaches a token the library attaches: the agent's current token from now until the returned scope is closed.
   *
   * @param token the token's {@code openReplaySessionToken} value, or {@code null}
   * @param sessionId the token's {@code openReplaySession.id} value, or {@code null}
   * @param view the library's own object for the token, given back by {@link #current(Function)}
   * @param viewMaker the library's maker of such objects
   * @return the scope to close; the values are validated again, and a thread whose values are not acceptable
   *     carries no token while it is open
   */
  public static AutoCloseable attach(String token, String sessionId, Object view, Function<String[], Object> viewMaker) {
    SessionToken parsed = SessionToken.ofParts(token, sessionId);
    return TokenScope.attach(parsed, parsed == null ? null : view, viewMaker);
  }

  /**
   * Has the agent call {@code onAttach} on every thread that gets a token of another session than the one it had,
   * from now on, and on this thread at once if it has a token now; what {@code onAttach} returns is closed, on that
   * thread, when the attachment ends.
   *
   * @param onAttach the library's callback; held weakly, so the caller must hold it
   * @return the registration; closing it stops the calls
   */
  public static AutoCloseable listen(Supplier<AutoCloseable> onAttach) {
    Listener listener = new Listener(onAttach);
    keepLive(listener);
    TokenScope scope = CurrentToken.innermost();
    int[] depth = TELLING.get();
    if (scope != null && scope.token() != null && scope.isOpen() && depth[0] == 0) {
      depth[0]++;
      try {
        scope.addDetach(call(onAttach));
      } finally {
        depth[0]--;
      }
    }
    return listener;
  }

  /**
   * Tells the listeners that this thread got a token of another session. Attachments made by a listener itself,
   * while it is being told, tell nobody.
   *
   * @return what to close when the attachment ends, or {@code null} when there is nothing
   */
  static AutoCloseable[] attached() {
    Listener[] current = listeners;
    if (current.length == 0) {
      return null;
    }
    int[] depth = TELLING.get();
    if (depth[0] > 0) {
      return null;
    }
    depth[0]++;
    try {
      AutoCloseable[] detaches = null;
      int count = 0;
      for (Listener listener : current) {
        Supplier<AutoCloseable> onAttach = listener.get();
        AutoCloseable detach = onAttach == null ? null : call(onAttach);
        if (detach != null) {
          if (detaches == null) {
            detaches = new AutoCloseable[current.length];
          }
          detaches[count++] = detach;
        }
      }
      if (detaches == null || count == detaches.length) {
        return detaches;
      }
      AutoCloseable[] exact = new AutoCloseable[count];
      System.arraycopy(detaches, 0, exact, 0, count);
      return exact;
    } finally {
      depth[0]--;
    }
  }

  /**
   * Tells the listeners of the end of an attachment, last told first.
   *
   * @param detaches what {@link #attached()} returned, possibly empty
   */
  static void detached(AutoCloseable[] detaches) {
    if (detaches.length == 0) {
      return;
    }
    int[] depth = TELLING.get();
    depth[0]++;
    try {
      for (int i = detaches.length - 1; i >= 0; i--) {
        try {
          detaches[i].close();
        } catch (Throwable failure) {
          // a listener's failure never reaches the application
        }
      }
    } finally {
      depth[0]--;
    }
  }

  /**
   * Keeps the listeners whose callback is still held, and adds one.
   *
   * @param added the new listener, or {@code null}
   */
  private static void keepLive(Listener added) {
    synchronized (LOCK) {
      Listener[] current = listeners;
      int live = 0;
      for (Listener one : current) {
        if (one.get() != null) {
          live++;
        }
      }
      Listener[] kept = new Listener[live + (added == null ? 0 : 1)];
      int i = 0;
      for (Listener one : current) {
        if (one.get() != null) {
          kept[i++] = one;
        }
      }
      if (added != null) {
        kept[i] = added;
      }
      listeners = kept;
    }
  }

  private static AutoCloseable call(Supplier<AutoCloseable> onAttach) {
    try {
      return onAttach.get();
    } catch (Throwable failure) {
      return null;
    }
  }

  /** A registered callback, held weakly; closing the registration forgets it. */
  private static final class Listener extends WeakReference<Supplier<AutoCloseable>> implements AutoCloseable {
    Listener(Supplier<AutoCloseable> onAttach) {
      super(onAttach);
    }

    @Override
    public void close() {
      clear();
      keepLive(null);
    }
  }

  /** How deep this thread is in telling listeners; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class Depth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
