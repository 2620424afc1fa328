package io.openreplay.backend.filter.core;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.internal.RateLimitedLog;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The request logic shared by the filters and request listeners of both servlet APIs: which token a request has,
 * attaching it once per request on each thread that works on the request, and leaving nothing behind.
 *
 * <p>The request's token is looked up once, by whichever of filter or listener sees the request first, and kept in
 * the request attribute {@value #STATE_ATTRIBUTE}. Every later entry (the filter mapped twice, a forward or include,
 * the filter after the listener) finds it there: on a thread where that token is already current, it attaches
 * nothing; on another thread (an asynchronous or error dispatch) it attaches it for the time of that dispatch.
 *
 * <p>When the OpenReplay agent attaches requests' tokens itself ({@link AgentRequests}), the filters and listeners
 * pass requests through: {@link #enter(Object)} and {@link #requestInitialized(Object)} attach nothing, so the
 * token is attached once, by the agent. {@link OpenReplayContext#current()} is then empty on request threads (the
 * agent keeps the token in its own holder) and {@link OpenReplayContext#wrap(Runnable)} returns the task
 * unchanged; the agent hands the token to executor, fork-join, {@code CompletableFuture} and new-thread work
 * itself, and puts it into the log events, Sentry events and Rollbar items made during the request.
 *
 * <p>Nothing here throws into the request: a failure of this logic leaves the request without a token.
 *
 * @param <R> the servlet API's request type
 */
public final class RequestBinding<R> {

  /** The request attribute that holds the request's token once it has been looked up. */
  public static final String STATE_ATTRIBUTE = "io.openreplay.backend.filter.RequestState";

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(RequestBinding.class), 60, TimeUnit.SECONDS);

  /** The scope a request listener opened on this thread, closed when the request is destroyed. */
  private static final ThreadLocal<ListenerScope> LISTENER_SCOPE = new ThreadLocal<>();

  private final TokenHeaders headers;
  private final RequestAccess<R> access;

  /**
   * @param headers the headers that carry the token
   * @param access how to read the servlet API's requests
   */
  public RequestBinding(TokenHeaders headers, RequestAccess<R> access) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * The headers this binding reads.
   *
   * @return the configured header names
   */
  public TokenHeaders headers() {
    return headers;
  }

  /**
   * A filter's entry: attaches the request's token to this thread unless it is already current here, or the agent
   * attaches requests' tokens itself.
   *
   * @param request the request
   * @return what {@link #exit(Object, Entry)} undoes; never {@code null}, never throws
   */
  public Entry enter(R request) {
    try {
      if (AgentRequests.active()) {
        return Entry.NONE;
      }
      RequestState state = stateOf(request);
      return new Entry(state, attachIfAbsent(state.token));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's token could not be attached: {}", e.toString());
      return Entry.NONE;
    }
  }

  /**
   * A filter's exit, on every path: restores what the thread had before {@link #enter(Object)}. When the request
   * went asynchronous, the scope a request listener opened on this thread is closed too, since containers tell
   * the listener of the request's end only on the thread that completes it.
   *
   * @param request the request
   * @param entry what {@link #enter(Object)} returned
   */
  public void exit(R request, Entry entry) {
    entry.scope.close();
    if (entry.state == null) {
      return;
    }
    try {
      if (access.isAsyncStarted(request)) {
        closeListenerScope(entry.state);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's asynchronous state could not be read: {}", e.toString());
    }
  }

  /**
   * A request listener's {@code requestInitialized}: attaches the request's token to this thread until
   * {@link #requestDestroyed(Object)}. A scope a listener left on this thread for an earlier request (one that
   * went asynchronous without a filter to close it) is closed first. Attaches nothing while the agent attaches
   * requests' tokens itself.
   *
   * @param request the request
   */
  public void requestInitialized(R request) {
    ListenerScope stale = LISTENER_SCOPE.get();
    if (stale != null) {
      LISTENER_SCOPE.remove();
      stale.scope.close();
    }
    try {
      if (AgentRequests.active()) {
        return;
      }
      RequestState state = stateOf(request);
      ContextScope scope = attachIfAbsent(state.token);
      if (scope != ContextScope.NOOP) {
        LISTENER_SCOPE.set(new ListenerScope(state, scope));
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: the request's token could not be attached: {}", e.toString());
    }
  }

  /**
   * A request listener's {@code requestDestroyed}: closes the scope {@link #requestInitialized(Object)} opened for
   * this request on this thread, if any.
   *
   * @param request the request
   */
  public void requestDestroyed(R request) {
    ListenerScope held = LISTENER_SCOPE.get();
    if (held == null) {
      return;
    }
    Object state;
    try {
      state = access.attribute(request, STATE_ATTRIBUTE);
    } catch (RuntimeException | LinkageError e) {
      state = null;
    }
    if (state == null || state == held.state) {
      LISTENER_SCOPE.remove();
      held.scope.close();
    }
  }

  private void closeListenerScope(RequestState state) {
    ListenerScope held = LISTENER_SCOPE.get();
    if (held != null && held.state == state) {
      LISTENER_SCOPE.remove();
      held.scope.close();
    }
  }

  private RequestState stateOf(R request) {
    Object existing = access.attribute(request, STATE_ATTRIBUTE);
    if (existing instanceof RequestState) {
      return (RequestState) existing;
    }
    RequestState state = new RequestState(headers.find(request, access));
    access.setAttribute(request, STATE_ATTRIBUTE, state);
    return state;
  }

  private static ContextScope attachIfAbsent(SessionToken token) {
    if (token == null || OpenReplayContext.current().orElse(null) == token) {
      return ContextScope.NOOP;
    }
    return OpenReplayContext.attach(token);
  }

  /**
   * A task that runs with the token attached (unless it is already current on the running thread).
   *
   * @param token the token, or {@code null} for none
   * @param task the task
   * @return the task that attaches {@code token} around {@code task}, or {@code task} when {@code token} is null
   */
  public static Runnable bind(SessionToken token, Runnable task) {
    if (token == null) {
      return task;
    }
    return () -> {
      try (ContextScope ignored = attachIfAbsent(token)) {
        task.run();
      }
    };
  }

  /**
   * Opens a scope with the token attached, unless it is already current on this thread.
   *
   * @param token the token, or {@code null} for none
   * @return the scope to close, {@link ContextScope#NOOP} when nothing was attached
   */
  public static ContextScope attach(SessionToken token) {
    return token == null ? ContextScope.NOOP : attachIfAbsent(token);
  }

  /** A request's token, looked up once; {@code token} is null when the request has none. */
  static final class RequestState {
    final SessionToken token;

    RequestState(SessionToken token) {
      this.token = token;
    }

    @Override
    public String toString() {
      return "OpenReplay request state";
    }
  }

  /** A listener's scope and the request it belongs to. */
  private static final class ListenerScope {
    final RequestState state;
    final ContextScope scope;

    ListenerScope(RequestState state, ContextScope scope) {
      this.state = state;
      this.scope = scope;
    }
  }

  /** What a filter's {@link #enter(Object)} attached. */
  public static final class Entry {
    static final Entry NONE = new Entry(null, ContextScope.NOOP);

    final RequestState state;
    final ContextScope scope;

    Entry(RequestState state, ContextScope scope) {
      this.state = state;
      this.scope = scope;
    }

    /**
     * The request's token, whether this entry attached it or found it already current.
     *
     * @return the token, or {@code null} when the request has none
     */
    public SessionToken token() {
      return state == null ? null : state.token;
    }
  }
}
