package io.openreplay.backend;

/**
 * What one thread holds of the library's context: its current token and its countdown to the next look for the
 * agent ({@link AgentBridge}). One object per thread, so that attaching, reading and restoring the token costs one
 * thread-local lookup, not one per field.
 */
final class ThreadContext {

  private static final ThreadLocal<ThreadContext> OF_THREAD = ThreadLocal.withInitial(ThreadContext::new);

  /** The token attached to this thread through the library, or {@code null}. */
  SessionToken current;
  /** How many more uses of the context on this thread before {@link AgentBridge} looks for the agent again. */
  int callsUntilAgentCheck;

  private ThreadContext() {
  }

  static ThreadContext ofThisThread() {
    return OF_THREAD.get();
  }
}
