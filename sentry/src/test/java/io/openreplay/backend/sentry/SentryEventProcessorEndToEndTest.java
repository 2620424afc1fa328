package io.openreplay.backend.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.SessionUrl;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.EventProcessor;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code route: Sentry initialised by the application with {@link OpenReplaySentry#configure(SentryOptions)},
 * sentry-logback behind an AsyncAppender and without {@code contextTag}: the event processor takes the token from
 * the logging event, although the event is captured on the AsyncAppender's worker thread.
 */
class SentryEventProcessorEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String XML = """
      <configuration>
        <appender name="SENTRY" class="io.sentry.logback.SentryAppender">
          <minimumEventLevel>ERROR</minimumEventLevel>
        </appender>
        <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
          <appender-ref ref="SENTRY"/>
        </appender>
        <root level="INFO"><appender-ref ref="ASYNC"/></root>
      </configuration>
      """;

  private static SentryReceiver receiver;
  private static XmlLogback logback;

  @BeforeAll
  static void start() throws Exception {
    receiver = SentryReceiver.start();
    Sentry.init(options -> {
      options.setDsn(receiver.dsn());
      OpenReplaySentry.configure(options);
      OpenReplaySentry.configure(options);
    });
    logback = XmlLogback.configure(XML, Map.of());
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

  @Test
  void configureAddsOneProcessorAndNoContextTags() {
    SentryOptions options = new SentryOptions();
    OpenReplaySentry.configure(options);
    OpenReplaySentry.configure(options);
    List<EventProcessor> ours =
        options.getEventProcessors().stream().filter(OpenReplayEventProcessor.class::isInstance).toList();
    assertEquals(1, ours.size());
    assertEquals(List.of(), options.getContextTags());
  }

  @Test
  void anAsyncAppenderEventIsTaggedFromItsLoggingEvent() throws Exception {
    try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(SentryLogbackEndToEndTest.TOKEN).orElseThrow())) {
      logback.logger("shop.Checkout").error("processor: payment failed", new IllegalStateException("declined"));
    }
    logback.logger("shop.Batch").error("processor: no request", new IllegalStateException("batch"));

    List<ReceivedSentryEvent> tagged =
        receiver.awaitEvents(event -> "processor: payment failed".equals(event.message()), 1, WAIT);
    List<ReceivedSentryEvent> untagged =
        receiver.awaitEvents(event -> "processor: no request".equals(event.message()), 1, WAIT);
    assertEquals(1, tagged.size(), "arrived: " + receiver.events());
    assertEquals(1, untagged.size(), "arrived: " + receiver.events());

    assertEquals(SentryLogbackEndToEndTest.TOKEN, tagged.get(0).tag(SessionToken.TOKEN_KEY));
    assertEquals(SentryLogbackEndToEndTest.SESSION_ID, tagged.get(0).tag(SessionToken.SESSION_ID_KEY));
    assertEquals(SentryLogbackEndToEndTest.REPLAY_LINKS + SentryLogbackEndToEndTest.SESSION_ID,
        tagged.get(0).tag(SessionUrl.TAG), "the replay link (the surefire configuration sets OpenReplay's URL and project)");
    assertNull(untagged.get(0).tag(SessionUrl.TAG));
    assertNull(untagged.get(0).tag(SessionToken.TOKEN_KEY));
    assertNull(untagged.get(0).tag(SessionToken.SESSION_ID_KEY));
    assertEquals(tagged, SentryG1Lookup.linked(List.of(tagged.get(0), untagged.get(0))));
  }

  @Test
  void aTokenLongerThanSentryKeepsIsLeftOutNotCut() throws Exception {
    String longToken = "a".repeat(SessionToken.MAX_LENGTH);
    SentryId id;
    try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(longToken).orElseThrow())) {
      id = Sentry.captureException(new IllegalStateException("long token"));
    }
    Sentry.flush(WAIT.toMillis());
    ReceivedSentryEvent event = receiver.awaitEvent(id.toString(), WAIT).orElseThrow();
    assertNull(event.tag(SessionToken.TOKEN_KEY), "Sentry keeps tag values of 200 characters at most");
    assertNull(event.tag(SessionToken.SESSION_ID_KEY), "the token has no session id");
    assertTrue(event.isError());
  }
}
