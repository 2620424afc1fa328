package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A thread started during a request runs with the request's token: {@code Thread.start()} records the token for
 * the new thread and the thread's {@code run()} attaches it. Threads that a pool starts for its own workers are
 * excluded (the pool's entry points call {@link #suppressStarts()} around worker creation), since a worker outlives
 * the request that happened to start it; work submitted to a pool is handed over by {@link TaskHandOver} instead.
 */
public final class ThreadHandOver {

  private static final Map<Thread, SessionToken> STARTED = Collections.synchronizedMap(new WeakHashMap<>());
  private static final ThreadLocal<int[]> SUPPRESSED = new StartDepth();

  private ThreadHandOver() {
  }

  /**
   * Called as {@code thread} is started: remembers the current token for it.
   *
   * @param thread the thread being started
   */
  public static void starting(Thread thread) {
    SessionToken token = CurrentToken.get();
    if (token == null || thread == null || SUPPRESSED.get()[0] > 0) {
      return;
    }
    STARTED.put(thread, token);
    ThreadClasses.starting(thread.getClass());
  }

  /**
   * Called as a thread's {@code run()} begins: attaches the token recorded when the thread was started.
   *
   * @param thread the thread whose {@code run()} begins
   * @return the scope to close when {@code run()} ends, or {@code null} when there is nothing to attach
   */
  public static TokenScope running(Thread thread) {
    if (thread != Thread.currentThread()) {
      return null;
    }
    SessionToken token = STARTED.remove(thread);
    return token == null ? null : TokenScope.attach(token);
  }

  /** Called as a pool begins creating a worker thread: threads started until {@link #resumeStarts()} get no token. */
  public static void suppressStarts() {
    SUPPRESSED.get()[0]++;
  }

  /** Called as a pool has created its worker thread. */
  public static void resumeStarts() {
    int[] depth = SUPPRESSED.get();
    if (depth[0] > 0) {
      depth[0]--;
    }
  }

  /** How deep this thread is inside pool worker creation; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class StartDepth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
