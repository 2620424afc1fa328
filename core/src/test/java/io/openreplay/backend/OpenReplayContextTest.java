package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class OpenReplayContextTest {

  private static final SessionToken A = SessionToken.parse(Tokens.CONTRACT_TOKEN).orElseThrow();
  private static final SessionToken B = SessionToken.parse(Tokens.forSession(123456789L)).orElseThrow();
  private static final SessionToken BARE = SessionToken.parse("987654321").orElseThrow();

  private ExecutorService pool;

  @BeforeEach
  void singleThreadPool() {
    MDC.clear();
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void shutdown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    MDC.clear();
  }

  /** What a thread has: current token and both MDC values. */
  private record Seen(SessionToken current, String token, String sessionId) {
    static Seen now() {
      return new Seen(OpenReplayContext.current().orElse(null), MDC.get(SessionToken.TOKEN_KEY),
          MDC.get(SessionToken.SESSION_ID_KEY));
    }
  }

  private static final Seen NOTHING = new Seen(null, null, null);

  private static Seen of(SessionToken token) {
    return new Seen(token, token.token(), token.sessionId());
  }

  private Seen onPoolWithoutWrapping() throws Exception {
    return pool.submit(Seen::now).get(10, TimeUnit.SECONDS);
  }

  @Test
  void attachSetsBothMdcKeysAndCloseRemovesThem() {
    assertEquals(Optional.empty(), OpenReplayContext.current());
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      assertEquals(of(A), Seen.now());
      assertEquals(Tokens.CONTRACT_ID, MDC.get("openReplaySession.id"));
      assertEquals(Tokens.CONTRACT_TOKEN, MDC.get("openReplaySessionToken"));
    }
    assertEquals(NOTHING, Seen.now());
    assertTrue(MDC.getCopyOfContextMap() == null || MDC.getCopyOfContextMap().isEmpty());
  }

  @Test
  void aBareSessionIdSetsOnlyTheIdKey() {
    MDC.put(SessionToken.TOKEN_KEY, "left-by-someone");
    try (ContextScope scope = OpenReplayContext.attach(BARE)) {
      assertNull(MDC.get(SessionToken.TOKEN_KEY));
      assertEquals("987654321", MDC.get(SessionToken.SESSION_ID_KEY));
    }
    assertEquals("left-by-someone", MDC.get(SessionToken.TOKEN_KEY));
    assertNull(MDC.get(SessionToken.SESSION_ID_KEY));
  }

  @Test
  void closeRestoresValuesThatWereThereBefore() {
    MDC.put(SessionToken.TOKEN_KEY, "before-token");
    MDC.put(SessionToken.SESSION_ID_KEY, "1");
    MDC.put("other", "kept");
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      assertEquals(Tokens.CONTRACT_TOKEN, MDC.get(SessionToken.TOKEN_KEY));
      assertEquals("kept", MDC.get("other"));
    }
    assertEquals(Map.of(SessionToken.TOKEN_KEY, "before-token", SessionToken.SESSION_ID_KEY, "1", "other", "kept"),
        MDC.getCopyOfContextMap());
    assertEquals(Optional.empty(), OpenReplayContext.current());
  }

  @Test
  void nestedScopesRestoreInOrder() {
    try (ContextScope outer = OpenReplayContext.attach(A)) {
      try (ContextScope inner = OpenReplayContext.attach(B)) {
        assertEquals(of(B), Seen.now());
        try (ContextScope bare = OpenReplayContext.attach(BARE)) {
          assertEquals(new Seen(BARE, null, "987654321"), Seen.now());
        }
        assertEquals(of(B), Seen.now());
      }
      assertEquals(of(A), Seen.now());
    }
    assertEquals(NOTHING, Seen.now());
  }

  @Test
  void reentrantAttachOfTheSameToken() {
    try (ContextScope outer = OpenReplayContext.attach(A)) {
      try (ContextScope again = OpenReplayContext.attach(A)) {
        assertEquals(of(A), Seen.now());
      }
      assertEquals(of(A), Seen.now());
    }
    assertEquals(NOTHING, Seen.now());
  }

  @Test
  void closingTwiceDoesNothingTheSecondTime() {
    ContextScope scope = OpenReplayContext.attach(A);
    scope.close();
    try (ContextScope later = OpenReplayContext.attach(B)) {
      scope.close();
      assertEquals(of(B), Seen.now());
    }
    assertEquals(NOTHING, Seen.now());
  }

  @Test
  void closingOnAnotherThreadDoesNothing() throws Exception {
    ContextScope scope = OpenReplayContext.attach(A);
    try {
      pool.submit(scope::close).get(10, TimeUnit.SECONDS);
      assertEquals(of(A), Seen.now());
    } finally {
      scope.close();
    }
    assertEquals(NOTHING, Seen.now());
  }

  @Test
  void wrappedRunnableCarriesTheTokenAndLeavesNothingOnThePoolThread() throws Exception {
    List<Seen> seen = new ArrayList<>();
    Runnable wrapped;
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      wrapped = OpenReplayContext.wrap((Runnable) () -> seen.add(Seen.now()));
    }
    pool.submit(wrapped).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(of(A)), seen);
    assertEquals(NOTHING, onPoolWithoutWrapping());
  }

  @Test
  void wrappedTaskRestoresWhatThePoolThreadHadBefore() throws Exception {
    pool.submit(() -> MDC.put(SessionToken.TOKEN_KEY, "pool-own")).get(10, TimeUnit.SECONDS);
    Runnable wrapped;
    try (ContextScope scope = OpenReplayContext.attach(B)) {
      wrapped = OpenReplayContext.wrap((Runnable) () -> assertEquals(of(B), Seen.now()));
    }
    pool.submit(wrapped).get(10, TimeUnit.SECONDS);
    assertEquals(new Seen(null, "pool-own", null), onPoolWithoutWrapping());
  }

  @Test
  void wrappedCallableCarriesTheToken() throws Exception {
    Callable<Seen> wrapped;
    try (ContextScope scope = OpenReplayContext.attach(B)) {
      wrapped = OpenReplayContext.wrap(Seen::now);
    }
    assertEquals(of(B), pool.submit(wrapped).get(10, TimeUnit.SECONDS));
    assertEquals(NOTHING, onPoolWithoutWrapping());
  }

  @Test
  void wrappedTaskThatThrowsStillLeavesNothing() throws Exception {
    Runnable wrapped;
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      wrapped = OpenReplayContext.wrap((Runnable) () -> {
        throw new IllegalStateException("task failure");
      });
    }
    Future<?> failed = pool.submit(wrapped);
    assertTrue(failed.isDone() || awaitDone(failed));
    assertEquals(NOTHING, onPoolWithoutWrapping());
  }

  private static boolean awaitDone(Future<?> future) throws InterruptedException {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
    return true;
  }

  @Test
  void wrappingWithoutACurrentTokenReturnsTheTaskItself() {
    Runnable runnable = () -> { };
    Callable<String> callable = () -> "x";
    assertSame(runnable, OpenReplayContext.wrap(runnable));
    assertSame(callable, OpenReplayContext.wrap(callable));
  }

  @Test
  void wrappedExecutorUsesTheTokenCurrentAtSubmission() throws Exception {
    Executor executor = OpenReplayContext.wrap((Executor) pool);
    List<Seen> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      executor.execute(() -> { seen.add(Seen.now()); done.countDown(); });
    }
    try (ContextScope scope = OpenReplayContext.attach(B)) {
      executor.execute(() -> { seen.add(Seen.now()); done.countDown(); });
    }
    executor.execute(() -> { seen.add(Seen.now()); done.countDown(); });
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(of(A), of(B), NOTHING), seen);
    assertEquals(NOTHING, onPoolWithoutWrapping());
  }

  @Test
  void wrappedExecutorServiceHandsOverEveryKindOfTask() throws Exception {
    ExecutorService service = OpenReplayContext.wrap(pool);
    List<Seen> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ContextScope scope = OpenReplayContext.attach(A)) {
      assertEquals(of(A), service.submit(Seen::now).get(10, TimeUnit.SECONDS));
      service.submit(() -> seen.add(Seen.now())).get(10, TimeUnit.SECONDS);
      assertEquals("r", service.submit(() -> seen.add(Seen.now()), "r").get(10, TimeUnit.SECONDS));
      for (Future<Seen> future : service.invokeAll(List.<Callable<Seen>>of(Seen::now, Seen::now))) {
        seen.add(future.get());
      }
      for (Future<Seen> future : service.invokeAll(List.<Callable<Seen>>of(Seen::now), 10, TimeUnit.SECONDS)) {
        seen.add(future.get());
      }
      seen.add(service.invokeAny(List.<Callable<Seen>>of(Seen::now)));
      seen.add(service.invokeAny(List.<Callable<Seen>>of(Seen::now), 10, TimeUnit.SECONDS));
      CountDownLatch executed = new CountDownLatch(1);
      service.execute(() -> { seen.add(Seen.now()); executed.countDown(); });
      assertTrue(executed.await(10, TimeUnit.SECONDS));
    }
    assertEquals(8, seen.size());
    for (Seen one : seen) {
      assertEquals(of(A), one);
    }
    assertEquals(NOTHING, onPoolWithoutWrapping());
    service.shutdown();
    assertTrue(service.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(pool.isShutdown());
  }
}
