package io.openreplay.backend;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.MDC;

/**
 * The OpenReplay token of the work the current thread is doing, mirrored into the SLF4J MDC under
 * {@value SessionToken#TOKEN_KEY} and {@value SessionToken#SESSION_ID_KEY}.
 *
 * <pre>{@code
 * try (ContextScope scope = OpenReplayContext.attach(token)) {
 *   log.error("payment failed", e);   // carries both MDC keys
 *   executor.submit(OpenReplayContext.wrap(task));   // so does the task, on the pool thread
 * }
 * }</pre>
 *
 * <p>Work handed to another thread keeps the token when it is wrapped with one of the {@code wrap} methods; the
 * token is captured when the work is wrapped (for an executor, when the work is submitted) and removed from the
 * other thread when the work ends.
 *
 * <p>With the OpenReplay agent ({@code -javaagent:openreplay-agent.jar}) in the JVM there is one current token, the
 * agent's: {@link #current()} and the {@code wrap} methods see the token the agent attached to a request, a token
 * attached here is the agent's current token too (its logback, Sentry and Rollbar outputs and its hand-overs to
 * other threads carry it), and the {@link io.openreplay.backend.spi.AttachListener}s are told of every token the
 * agent attaches to a thread. A token attached here is still mirrored into the MDC; the tokens the agent attaches
 * are not (the agent puts them into logback's events itself).
 */
public final class OpenReplayContext {

  private OpenReplayContext() {
  }

  /**
   * Makes the token current on this thread and sets both MDC keys (a key whose value the token lacks is removed).
   *
   * @param token the token to attach
   * @return the scope whose {@link ContextScope#close()} restores exactly what the thread had before
   */
  public static ContextScope attach(SessionToken token) {
    Objects.requireNonNull(token, "token");
    ThreadContext thread = ThreadContext.ofThisThread();
    AgentBridge agent = AgentBridge.get(thread);
    AttachedScope scope = new AttachedScope(thread, MDC.get(SessionToken.TOKEN_KEY),
        MDC.get(SessionToken.SESSION_ID_KEY));
    thread.current = token;
    putOrRemove(SessionToken.TOKEN_KEY, token.token());
    putOrRemove(SessionToken.SESSION_ID_KEY, token.sessionId());
    AutoCloseable agentScope = agent == null ? null : agent.attach(token);
    scope.agentAttached(agentScope);
    if (agentScope == null || !agent.tellsAttachListeners()) {
      scope.listenersAttached(AttachListeners.notifyAttach(token));
    }
    return scope;
  }

  /**
   * The token attached to this thread: with the OpenReplay agent in the JVM, the agent's current token (which may
   * have been attached by the agent or through this class).
   *
   * @return the current token, or empty outside any scope
   */
  public static Optional<SessionToken> current() {
    return Optional.ofNullable(currentOrNull());
  }

  private static SessionToken currentOrNull() {
    ThreadContext thread = ThreadContext.ofThisThread();
    AgentBridge agent = AgentBridge.get(thread);
    return agent == null ? thread.current : agent.current();
  }

  /**
   * Runs the task later, on any thread, with the token that is current now.
   *
   * @param task the task
   * @return a task that attaches the current token around {@code task}, or {@code task} itself when no token is
   *     current
   */
  public static Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    SessionToken token = currentOrNull();
    if (token == null) {
      return task;
    }
    return () -> {
      try (ContextScope ignored = attach(token)) {
        task.run();
      }
    };
  }

  /**
   * Runs the task later, on any thread, with the token that is current now.
   *
   * @param task the task
   * @param <T> the task's result
   * @return a task that attaches the current token around {@code task}, or {@code task} itself when no token is
   *     current
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    SessionToken token = currentOrNull();
    if (token == null) {
      return task;
    }
    return () -> {
      try (ContextScope ignored = attach(token)) {
        return task.call();
      }
    };
  }

  /**
   * An executor that runs each task with the token that was current when the task was submitted.
   *
   * @param executor the executor that runs the tasks
   * @return the handing-over executor
   */
  public static Executor wrap(Executor executor) {
    return new HandOverExecutor(Objects.requireNonNull(executor, "executor"));
  }

  /**
   * An executor service that runs each task with the token that was current when the task was submitted.
   * Shutting it down shuts down {@code executorService}.
   *
   * @param executorService the executor service that runs the tasks
   * @return the handing-over executor service
   */
  public static ExecutorService wrap(ExecutorService executorService) {
    return new HandOverExecutorService(Objects.requireNonNull(executorService, "executorService"));
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** Remembers what a thread had before an attach, and puts it back once. */
  private static final class AttachedScope implements ContextScope {
    private final Thread owner = Thread.currentThread();
    private final ThreadContext thread;
    private final SessionToken previous;
    private final String previousToken;
    private final String previousSessionId;
    private AttachListeners.Detaches detaches = AttachListeners.Detaches.NONE;
    private AutoCloseable agentScope;
    private boolean closed;

    AttachedScope(ThreadContext thread, String previousToken, String previousSessionId) {
      this.thread = thread;
      this.previous = thread.current;
      this.previousToken = previousToken;
      this.previousSessionId = previousSessionId;
    }

    void listenersAttached(AttachListeners.Detaches detaches) {
      this.detaches = detaches;
    }

    void agentAttached(AutoCloseable agentScope) {
      this.agentScope = agentScope;
    }

    @Override
    public void close() {
      if (closed || Thread.currentThread() != owner) {
        return;
      }
      closed = true;
      detaches.run();
      if (agentScope != null) {
        closeAgentScope();
      }
      thread.current = previous;
      putOrRemove(SessionToken.TOKEN_KEY, previousToken);
      putOrRemove(SessionToken.SESSION_ID_KEY, previousSessionId);
    }

    /** Puts back the agent's previous token, after the agent has told the attach listeners of the detach. */
    private void closeAgentScope() {
      try {
        agentScope.close();
      } catch (Exception | LinkageError e) {
        // the agent's scope swallows its own failures; nothing may reach the application
      }
    }
  }
}
