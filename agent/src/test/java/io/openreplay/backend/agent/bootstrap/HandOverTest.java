package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.SessionToken;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Request scopes, token scopes and hand-over wrappers restore exactly what a thread had. */
class HandOverTest {

  private static final SessionToken A = SessionToken.parseOrNull("aaa.1.2.sig");
  private static final SessionToken B = SessionToken.parseOrNull("bbb.1.2.sig");

  @Test
  void theOutermostRequestScopeWinsAndRestores() {
    RequestScope outer = RequestScope.open(A);
    assertSame(A, CurrentToken.get());
    assertNull(RequestScope.open(B), "a nested entry point opens nothing");
    assertSame(A, CurrentToken.get());
    outer.close();
    assertNull(CurrentToken.get());
  }

  @Test
  void aRequestWithoutTokenRunsWithNoneEvenOnALeakyThread() {
    TokenScope leaked = TokenScope.attach(B);
    RequestScope request = RequestScope.open(null);
    assertNull(CurrentToken.get());
    request.close();
    assertSame(B, CurrentToken.get());
    leaked.close();
    assertNull(CurrentToken.get());
  }

  @Test
  void wrappedTasksRunWithTheSubmittersTokenAndLeaveNothing() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Runnable plain = () -> { };
      assertSame(plain, HandOver.wrap(plain), "nothing to carry");
      SessionToken[] seen = new SessionToken[1];
      TokenScope scope = TokenScope.attach(A);
      Runnable wrapped = HandOver.wrap(() -> seen[0] = CurrentToken.get());
      assertSame(wrapped, HandOver.wrap(wrapped), "never wrapped twice");
      scope.close();
      pool.submit(wrapped).get(10, TimeUnit.SECONDS);
      assertSame(A, seen[0]);
      assertNull(pool.submit(CurrentToken::get).get(10, TimeUnit.SECONDS), "nothing remains on the pool thread");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadStartedWithATokenRunsWithItUnlessAPoolStartsIt() throws Exception {
    SessionToken[] seen = new SessionToken[2];
    Thread started = new Thread(() -> seen[0] = tokenWhileRunning());
    Thread worker = new Thread(() -> seen[1] = tokenWhileRunning());
    TokenScope scope = TokenScope.attach(A);
    ThreadHandOver.starting(started);
    ThreadHandOver.suppressStarts();
    ThreadHandOver.starting(worker);
    ThreadHandOver.resumeStarts();
    scope.close();
    started.start();
    worker.start();
    started.join(10_000);
    worker.join(10_000);
    assertSame(A, seen[0], "a thread started during the request runs with its token");
    assertNull(seen[1], "a pool's worker gets none");
  }

  /** What the thread's run() sees, as the advice on Thread.run() arranges it. */
  private static SessionToken tokenWhileRunning() {
    TokenScope scope = ThreadHandOver.running(Thread.currentThread());
    try {
      return CurrentToken.get();
    } finally {
      if (scope != null) {
        scope.close();
      }
      assertNull(CurrentToken.get());
    }
  }
}
