package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's stand-in passes every call on unchanged and attaches the subscriber's own token around its signals,
 * whatever token the delivering thread has, and restores the thread's token afterwards. The JDK's
 * {@code Flow.Subscriber} stands for Reactor's subscriber interface, which the bootstrap classes never name.
 */
class TokenSubscriberTest {

  private static final SessionToken A = SessionToken.parseOrNull("aaa.1.2.sig");
  private static final SessionToken B = SessionToken.parseOrNull("bbb.1.2.sig");

  /** Records each signal with the token current while it ran. */
  private static final class Recording implements Flow.Subscriber<String> {
    private final List<String> seen = new ArrayList<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      seen.add("subscribe " + CurrentToken.get());
    }

    @Override
    public void onNext(String item) {
      if (item.equals("boom")) {
        throw new IllegalStateException("boom");
      }
      seen.add(item + " " + CurrentToken.get());
    }

    @Override
    public void onError(Throwable throwable) {
      seen.add("error " + throwable.getMessage() + " " + CurrentToken.get());
    }

    @Override
    public void onComplete() {
      seen.add("complete " + CurrentToken.get());
    }

    @Override
    public String toString() {
      return "recording";
    }
  }

  @SuppressWarnings("unchecked")
  private static Flow.Subscriber<String> keeping(Flow.Subscriber<String> subscriber, SessionToken token) {
    return (Flow.Subscriber<String>) TokenSubscriber.keeping(subscriber, Flow.Subscriber.class, token);
  }

  @Test
  void eachSignalRunsWithTheSubscribersTokenNotTheDeliveringThreads() {
    Recording recording = new Recording();
    Flow.Subscriber<String> subscriber = keeping(recording, A);
    TokenScope producer = TokenScope.attach(B);
    subscriber.onSubscribe(null);
    subscriber.onNext("value");
    subscriber.onError(new IllegalArgumentException("failed"));
    subscriber.onComplete();
    assertSame(B, CurrentToken.get(), "the producer's thread gets its own token back");
    producer.close();
    assertEquals(List.of("subscribe " + A, "value " + A, "error failed " + A, "complete " + A), recording.seen);
  }

  @Test
  void aSubscriberWithoutTokenReceivesWithNone() {
    Recording recording = new Recording();
    Flow.Subscriber<String> subscriber = keeping(recording, null);
    TokenScope producer = TokenScope.attach(B);
    subscriber.onNext("value");
    producer.close();
    subscriber.onNext("again");
    assertNull(CurrentToken.get());
    assertEquals(List.of("value null", "again null"), recording.seen);
  }

  @Test
  void failuresPassUnchangedAndTheThreadGetsItsTokenBack() {
    Flow.Subscriber<String> subscriber = keeping(new Recording(), A);
    TokenScope producer = TokenScope.attach(B);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> subscriber.onNext("boom"));
    assertEquals("boom", thrown.getMessage());
    assertSame(B, CurrentToken.get());
    producer.close();
  }

  @Test
  void aStandInIsKeptForTheSameTokenAndHasItsOwnIdentity() {
    Recording recording = new Recording();
    Flow.Subscriber<String> subscriber = keeping(recording, A);
    assertSame(subscriber, keeping(subscriber, A), "never wrapped twice for one token");
    assertNotSame(subscriber, keeping(subscriber, B));
    assertEquals("recording", subscriber.toString());
    assertEquals(subscriber, subscriber);
    assertFalse(subscriber.equals(recording));
    assertEquals(System.identityHashCode(subscriber), subscriber.hashCode());
    assertNull(TokenSubscriber.keeping(null, Flow.Subscriber.class, A));
    Object notASubscriber = "text";
    assertSame(notASubscriber, TokenSubscriber.keeping(notASubscriber, Flow.Subscriber.class, A));
  }

  @Test
  void theContextsTokenWinsOverTheSubscribingThreads() {
    Recording recording = new Recording();
    TokenScope subscribing = TokenScope.attach(B);
    @SuppressWarnings("unchecked")
    Flow.Subscriber<String> fromContext =
        (Flow.Subscriber<String>) ContextTokens.subscriberKeeping(recording, Flow.Subscriber.class, A);
    @SuppressWarnings("unchecked")
    Flow.Subscriber<String> fromThread =
        (Flow.Subscriber<String>) ContextTokens.subscriberKeeping(recording, Flow.Subscriber.class, "not a token");
    subscribing.close();
    fromContext.onNext("context");
    fromThread.onNext("thread");
    assertEquals(List.of("context " + A, "thread " + B), recording.seen);
  }
}
