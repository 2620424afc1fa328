package io.openreplay.backend.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.SessionUrl;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.SentryId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The README's sentry-logback configuration, with the real Sentry SDK sending envelopes over a real socket to a
 * loopback receiver, and OpenReplay's G1 and G2 lookups run on what arrived. Sentry is initialised by the
 * appender, as in a user's application; the {@link SentryAttachListener} is found by the ServiceLoader.
 */
class SentryLogbackEndToEndTest {

  /** The contract's test vector. */
  static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  static final String SESSION_ID = "2618307011354435587";
  /** The replay links of the project configured for these tests (see the module's surefire configuration). */
  static final String REPLAY_LINKS = "https://openreplay.example.com/3/session/";
  /** Another request's token: "2n9c" is 123456 in base 36. */
  static final String OTHER_TOKEN = "2n9c.1a.lrraavgc.5kQvTz8HnRwYp3mLdXcBa7";
  static final String OTHER_SESSION_ID = "123456";

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static SentryReceiver receiver;
  private static XmlLogback logback;

  @BeforeAll
  static void start() throws IOException {
    receiver = SentryReceiver.start();
    logback = XmlLogback.configure(resource("/sentry/logback.xml"), Map.of("SENTRY_DSN", receiver.dsn()));
    assertTrue(Sentry.isEnabled(), "the appender initialised Sentry: " + logback.statuses(0));
  }

  @AfterAll
  static void stop() {
    if (logback != null) {
      logback.close();
    }
    Sentry.close();
    if (receiver != null) {
      receiver.close();
    }
  }

  @AfterEach
  void nothingRefused() {
    assertEquals(List.of(), receiver.problems());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = SentryLogbackEndToEndTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static SessionToken token(String value) {
    return SessionToken.parse(value).orElseThrow();
  }

  private static ReceivedSentryEvent awaitMessage(String message) throws InterruptedException {
    Sentry.flush(WAIT.toMillis());
    List<ReceivedSentryEvent> found = receiver.awaitEvents(event -> message.equals(event.message()), 1, WAIT);
    assertEquals(1, found.size(), "exactly one event " + message + " in " + receiver.events());
    return found.get(0);
  }

  private static ReceivedSentryEvent awaitId(SentryId id) throws InterruptedException {
    assertFalse(SentryId.EMPTY_ID.equals(id), "Sentry captured the event");
    Sentry.flush(WAIT.toMillis());
    return receiver.awaitEvent(id.toString(), WAIT).orElseThrow(() -> new AssertionError("event " + id + " arrived"));
  }

  private static void assertTagged(ReceivedSentryEvent event, String token, String sessionId) {
    assertEquals(token, event.tag(SessionToken.TOKEN_KEY), "G1 tag of " + event);
    assertEquals(sessionId, event.tag(SessionToken.SESSION_ID_KEY), "G2 tag of " + event);
    assertTrue(event.isError(), "an error event: " + event);
  }

  private static void assertUntagged(ReceivedSentryEvent event) {
    assertNull(event.tag(SessionToken.TOKEN_KEY), "no G1 tag on " + event);
    assertNull(event.tag(SessionToken.SESSION_ID_KEY), "no G2 tag on " + event);
    assertNull(event.tag(SessionUrl.TAG), "no replay link on " + event);
  }

  @Test
  void appenderEventOfARequestIsFoundByBothLookups() throws Exception {
    Logger log = logback.logger("shop.Checkout");
    try (ContextScope ignored = OpenReplayContext.attach(token(TOKEN))) {
      log.error("appender: payment failed", new IllegalStateException("card declined"));
    }
    ReceivedSentryEvent event = awaitMessage("appender: payment failed");
    assertTagged(event, TOKEN, SESSION_ID);
    assertEquals(List.of("IllegalStateException"), event.exceptionTypes());

    List<ReceivedSentryEvent> all = receiver.events();
    assertTrue(SentryG1Lookup.linkedTo(all, TOKEN).contains(event), "G1 finds it by the token tag");
    assertTrue(SentryG2Lookup.run(all, "openReplaySession.id=" + SESSION_ID).contains(event), "G2 query finds it");
    assertTrue(SentryG2Lookup.forSession(all, SESSION_ID).contains(event));
  }

  @Test
  void directCaptureOnTheRequestThreadIsTagged() throws Exception {
    SentryId id;
    try (ContextScope ignored = OpenReplayContext.attach(token(TOKEN))) {
      id = Sentry.captureException(new IllegalArgumentException("direct capture"));
    }
    ReceivedSentryEvent event = awaitId(id);
    assertTagged(event, TOKEN, SESSION_ID);
    assertTrue(SentryG2Lookup.forSession(receiver.events(), SESSION_ID).contains(event));
  }

  @Test
  void captureOnAHandedOverThreadIsTagged() throws Exception {
    ExecutorService pool = OpenReplayContext.wrap(Executors.newSingleThreadExecutor());
    try {
      SentryId exceptionId;
      SentryId messageId;
      try (ContextScope ignored = OpenReplayContext.attach(token(TOKEN))) {
        exceptionId = pool.submit(() -> Sentry.captureException(new IllegalStateException("on the pool"))).get();
        messageId = pool.submit(() -> Sentry.captureMessage("message on the pool", SentryLevel.ERROR)).get();
      }
      assertTagged(awaitId(exceptionId), TOKEN, SESSION_ID);
      ReceivedSentryEvent message = awaitId(messageId);
      assertTagged(message, TOKEN, SESSION_ID);
      assertTrue(SentryG1Lookup.linkedTo(receiver.events(), TOKEN).contains(message));
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void eventsOutsideARequestCarryNoTag() throws Exception {
    SentryId id = Sentry.captureException(new IllegalStateException("outside any request"));
    logback.logger("shop.Batch").error("appender: outside any request", new IllegalStateException("batch"));
    ReceivedSentryEvent captured = awaitId(id);
    ReceivedSentryEvent logged = awaitMessage("appender: outside any request");
    assertUntagged(captured);
    assertUntagged(logged);
    List<ReceivedSentryEvent> both = List.of(captured, logged);
    assertEquals(List.of(), SentryG1Lookup.linked(both));
  }

  @Test
  void aReusedThreadNeverHandsTagsToTheNextRequest() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      SentryId a = thread.submit(() -> {
        try (ContextScope ignored = OpenReplayContext.attach(token(TOKEN))) {
          return Sentry.captureException(new IllegalStateException("request A"));
        }
      }).get();
      SentryId b = thread.submit(() -> Sentry.captureException(new IllegalStateException("request B, no token")))
          .get();
      SentryId c = thread.submit(() -> {
        try (ContextScope ignored = OpenReplayContext.attach(token(OTHER_TOKEN))) {
          logback.logger("shop.Cart").error("appender: request C", new IllegalStateException("request C"));
          return Sentry.captureException(new IllegalStateException("request C"));
        }
      }).get();
      SentryId d = thread.submit(() -> Sentry.captureException(new IllegalStateException("request D, no token")))
          .get();

      assertTagged(awaitId(a), TOKEN, SESSION_ID);
      assertEquals(REPLAY_LINKS + SESSION_ID, awaitId(a).tag(SessionUrl.TAG),
          "the replay link (the surefire configuration sets OpenReplay's URL and project)");
      assertUntagged(awaitId(b));
      assertTagged(awaitId(c), OTHER_TOKEN, OTHER_SESSION_ID);
      assertTagged(awaitMessage("appender: request C"), OTHER_TOKEN, OTHER_SESSION_ID);
      assertUntagged(awaitId(d));
      assertEquals(List.of(), SentryG2Lookup.forSession(List.of(awaitId(b), awaitId(d)), SESSION_ID));
    } finally {
      thread.shutdown();
      assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void anAsyncAppenderKeepsTheTagsThroughContextTags() throws Exception {
    try (ContextScope ignored = OpenReplayContext.attach(token(TOKEN))) {
      logback.logger("async").error("async: payment failed", new IllegalStateException("late"));
    }
    // The AsyncAppender's worker captures the event later, on its own thread: wait for it to arrive.
    List<ReceivedSentryEvent> found =
        receiver.awaitEvents(event -> "async: payment failed".equals(event.message()), 1, WAIT);
    assertEquals(1, found.size(), "the async event arrived: " + receiver.events());
    assertTagged(found.get(0), TOKEN, SESSION_ID);
  }
}
