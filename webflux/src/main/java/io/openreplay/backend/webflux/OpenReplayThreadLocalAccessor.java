package io.openreplay.backend.webflux;

import io.micrometer.context.ThreadLocalAccessor;
import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.util.ArrayDeque;
import org.slf4j.MDC;

/**
 * Makes the token of a Reactor context ({@link ReactorTokens#KEY}) current on the thread that runs an operator, for
 * Micrometer's context-propagation library, which Reactor's automatic context propagation
 * ({@code Hooks.enableAutomaticContextPropagation()}) drives: the token is attached through
 * {@link OpenReplayContext#attach(SessionToken)}, so the MDC keys and the
 * {@link io.openreplay.backend.spi.AttachListener}s follow it, and detached again when the operator's signal is
 * done.
 *
 * <p>Registered through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, so that
 * {@code ContextRegistry.getInstance()} has it without any code.
 *
 * <p>Context-propagation pairs every {@code setValue} with a {@code restore} on the same thread, innermost first; each
 * {@code setValue} opens a scope and each {@code restore} closes the last one, which puts back exactly what the thread
 * had. A signal of a context without a token ({@link #setValue()}) met on a thread where a token is current (one
 * pipeline's signal delivered inside another's) has the MDC keys removed until it is done, so that its log lines do
 * not carry the other request's token; {@link OpenReplayContext#current()} still tells that token there, as the core
 * has no way to make no token current inside an attachment.
 */
public final class OpenReplayThreadLocalAccessor implements ThreadLocalAccessor<SessionToken> {

  /** A scope that opened nothing: the token asked for was current already, or none was asked for and none was. */
  private static final ContextScope NOTHING = ContextScope.NOOP;

  /** Per thread, the scopes opened by {@code setValue} and not yet closed by {@code restore}, innermost last. */
  private static final ThreadLocal<ArrayDeque<ContextScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

  /** The accessor {@code ContextRegistry} loads. */
  public OpenReplayThreadLocalAccessor() {
  }

  @Override
  public Object key() {
    return ReactorTokens.KEY;
  }

  @Override
  public SessionToken getValue() {
    return OpenReplayContext.current().orElse(null);
  }

  @Override
  public void setValue(SessionToken value) {
    ContextScope opened = NOTHING;
    try {
      if (!value.equals(getValue())) {
        opened = OpenReplayContext.attach(value);
      }
    } catch (RuntimeException | LinkageError failure) {
      // never fail the application's signal: this thread goes on without the token
    }
    OPEN.get().addLast(opened);
  }

  @Override
  public void setValue() {
    ContextScope opened = NOTHING;
    try {
      if (getValue() != null) {
        opened = hideKeys();
      }
    } catch (RuntimeException | LinkageError failure) {
      // never fail the application's signal: the keys stay as they are
    }
    OPEN.get().addLast(opened);
  }

  @Override
  public void restore(SessionToken previousValue) {
    closeLast();
  }

  @Override
  public void restore() {
    closeLast();
  }

  private static void closeLast() {
    ContextScope last = OPEN.get().pollLast();
    if (last == null) {
      return;
    }
    try {
      last.close();
    } catch (RuntimeException | LinkageError failure) {
      // ContextScope.close never throws; a failure still must not reach the application's signal
    }
  }

  /** Removes both MDC keys until the returned scope is closed, which puts back what they had. */
  private static ContextScope hideKeys() {
    String token = MDC.get(SessionToken.TOKEN_KEY);
    String sessionId = MDC.get(SessionToken.SESSION_ID_KEY);
    MDC.remove(SessionToken.TOKEN_KEY);
    MDC.remove(SessionToken.SESSION_ID_KEY);
    return () -> {
      putBack(SessionToken.TOKEN_KEY, token);
      putBack(SessionToken.SESSION_ID_KEY, sessionId);
    };
  }

  private static void putBack(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }
}
