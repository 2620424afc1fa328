package io.openreplay.backend;

import io.openreplay.backend.internal.RateLimitedLog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The OpenReplay agent's side of the current token, when the agent ({@code -javaagent:openreplay-agent.jar}) runs in
 * this JVM: then {@link OpenReplayContext} reads the agent's current token and attaches through the agent, so that
 * the library's API, its {@link io.openreplay.backend.spi.AttachListener}s and the agent's outputs see one token.
 *
 * <p>The agent defines its bridge class, {@value #BRIDGE_CLASS}, in the bootstrap class loader; only JDK types cross
 * between the two: the token's two parts as {@code String[] {token, sessionId}}, the library's own
 * {@link SessionToken} as an {@code Object} the agent keeps beside its token (so that {@code current()} gives back the
 * very object that was attached), {@link AutoCloseable} for a scope, and {@link Supplier} for the callback through
 * which the agent tells this library's attach listeners of every token it attaches to a thread.
 *
 * <p>The bridge is looked up the first time the context is used, and again while it is absent (the agent defines it
 * beside the application's start, or may be attached to a running JVM later): at most once a second, and only by a
 * thread that has used the context {@value #CALLS_BETWEEN_CHECKS} times since its last check, so that a request does
 * not pay for reading the clock. Any failure leaves the library working on its own.
 */
final class AgentBridge {

  /** The agent's bootstrap class. */
  static final String BRIDGE_CLASS = "io.openreplay.backend.agent.bootstrap.LibraryBridge";

  private static final long LOOKUP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** How many uses of the context a thread makes between two looks at the clock while the bridge is absent. */
  static final int CALLS_BETWEEN_CHECKS = 64;
  /** Per thread, the uses of the context left before its next look at the clock. */
  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(AgentBridge.class), 60, TimeUnit.SECONDS);
  private static final Object LOOKUP_LOCK = new Object();

  private static volatile AgentBridge connected;
  private static volatile long nextLookup = System.nanoTime();

  private final MethodHandle current;
  private final MethodHandle attach;
  private final MethodHandle listen;
  /** Makes this library's token of the agent's; its identity tells the agent whose objects it keeps. */
  private final Function<String[], Object> views = AgentBridge::tokenOf;
  /** The agent's callback into this library's attach listeners, held here so that the agent may hold it weakly. */
  private final Supplier<AutoCloseable> onAttach = this::tellAttachListeners;
  private volatile AutoCloseable listening;

  private AgentBridge(MethodHandle current, MethodHandle attach, MethodHandle listen) {
    this.current = current;
    this.attach = attach;
    this.listen = listen;
  }

  /**
   * The agent's bridge, once found.
   *
   * @return the bridge, or {@code null} when no agent runs in this JVM (or it has not defined its bridge yet)
   */
  static AgentBridge get() {
    AgentBridge bridge = connected;
    return bridge != null ? bridge : get(ThreadContext.ofThisThread());
  }

  /**
   * The agent's bridge, as {@link #get()}, counting the use on the thread's context the caller already holds.
   *
   * @param thread the calling thread's context
   * @return the bridge, or {@code null} when no agent has been found
   */
  static AgentBridge get(ThreadContext thread) {
    AgentBridge bridge = connected;
    if (bridge != null) {
      return bridge;
    }
    if (--thread.callsUntilAgentCheck > 0) {
      return null;
    }
    thread.callsUntilAgentCheck = CALLS_BETWEEN_CHECKS;
    return System.nanoTime() - nextLookup < 0 ? null : lookUp();
  }

  private static AgentBridge lookUp() {
    synchronized (LOOKUP_LOCK) {
      long now = System.nanoTime();
      if (connected != null || now - nextLookup < 0) {
        return connected;
      }
      nextLookup = now + LOOKUP_INTERVAL_NANOS;
      Class<?> type;
      try {
        type = Class.forName(BRIDGE_CLASS, false, null);
      } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
        return null;
      }
      AgentBridge bridge = connect(type);
      if (bridge != null) {
        connected = bridge;
        if (AttachListeners.any()) {
          bridge.listening = bridge.listen();
        }
      }
      return bridge;
    }
  }

  /**
   * Connects to a bridge class: its public static methods {@code Object current(Function)},
   * {@code AutoCloseable attach(String, String, Object, Function)} and {@code AutoCloseable listen(Supplier)}.
   *
   * @param type the agent's bridge class
   * @return the connection, or {@code null} when the class lacks one of them
   */
  static AgentBridge connect(Class<?> type) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      return new AgentBridge(
          lookup.findStatic(type, "current", MethodType.methodType(Object.class, Function.class)),
          lookup.findStatic(type, "attach", MethodType.methodType(AutoCloseable.class, String.class, String.class,
              Object.class, Function.class)),
          lookup.findStatic(type, "listen", MethodType.methodType(AutoCloseable.class, Supplier.class)));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unusable) {
      LOG.debug("OpenReplay: the agent's bridge cannot be used, the library keeps its own context: {}",
          unusable.toString());
      return null;
    }
  }

  /**
   * The token the agent has current on this thread.
   *
   * @return the token, or {@code null} when none is current
   */
  SessionToken current() {
    try {
      Object view = (Object) current.invokeExact(views);
      return view instanceof SessionToken ? (SessionToken) view : null;
    } catch (Throwable failure) {
      LOG.debug("OpenReplay: the agent's current token could not be read: {}", failure.toString());
      return null;
    }
  }

  /**
   * Makes {@code token} the agent's current token on this thread; the agent tells the attach listeners.
   *
   * @param token the token
   * @return what restores the agent's previous token, or {@code null} when the agent could not attach it
   */
  AutoCloseable attach(SessionToken token) {
    try {
      return (AutoCloseable) attach.invokeExact(token.token(), token.sessionId(), (Object) token, views);
    } catch (Throwable failure) {
      LOG.debug("OpenReplay: the token could not be attached through the agent: {}", failure.toString());
      return null;
    }
  }

  /**
   * Has the agent tell this library's attach listeners of every token it attaches to a thread, from now on (and of
   * the token current on this thread, if any).
   *
   * @return the registration, closed to stop; {@code null} when the agent refused it
   */
  AutoCloseable listen() {
    try {
      return (AutoCloseable) listen.invokeExact(onAttach);
    } catch (Throwable failure) {
      LOG.debug("OpenReplay: the agent cannot tell the attach listeners: {}", failure.toString());
      return null;
    }
  }

  /**
   * Whether the agent tells this library's attach listeners of the tokens it attaches; when it does not, the library
   * tells them itself.
   *
   * @return {@code true} once the agent has taken the library's callback
   */
  boolean tellsAttachListeners() {
    return listening != null;
  }

  private AutoCloseable tellAttachListeners() {
    SessionToken token = current();
    if (token == null) {
      return null;
    }
    AttachListeners.Detaches detaches = AttachListeners.notifyAttach(token);
    return detaches == AttachListeners.Detaches.NONE ? null : detaches::run;
  }

  private static Object tokenOf(String[] parts) {
    return SessionToken.ofParts(parts[0], parts[1]);
  }
}
