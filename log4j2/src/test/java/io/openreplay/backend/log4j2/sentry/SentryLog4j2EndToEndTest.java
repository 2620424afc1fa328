package io.openreplay.backend.log4j2.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.XmlLog4j;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.Sentry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application logging through Log4j 2 with sentry-log4j2's appender (initialising Sentry itself, as in a user's
 * {@code log4j2.xml}), the appender's {@code contextTags} naming both keys, sending over a real socket to a loopback
 * Sentry: the logging thread's events, and those an {@code <Async>} appender or an async logger captures on another
 * thread, carry both tags from the event's context data; the message template is left as it is.
 */
class SentryLog4j2EndToEndTest {

  /** The contract's test vector. */
  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";
  private static final String TEMPLATE = "payment failed for order {}";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static SentryReceiver receiver;
  private static XmlLog4j log4j;

  @BeforeAll
  static void start() throws IOException {
    receiver = SentryReceiver.start();
    String xml;
    try (InputStream in = SentryLog4j2EndToEndTest.class.getResourceAsStream("/sentry/log4j2.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    log4j = XmlLog4j.configure(xml.replace("${SENTRY_DSN}", receiver.dsn()));
    assertTrue(Sentry.isEnabled(), "the appender initialised Sentry: " + log4j.warnings());
  }

  /** Log4j first (its appenders stop), then Sentry (it flushes), then the receiver. */
  @AfterAll
  static void stop() {
    Optional.ofNullable(log4j).ifPresent(XmlLog4j::close);
    Sentry.close();
    Optional.ofNullable(receiver).ifPresent(SentryReceiver::close);
  }

  /** Logs the error as the given logger and returns the one event that arrived for it. */
  private static ReceivedSentryEvent logAndReceive(String loggerName, SessionToken token) throws Exception {
    String order = loggerName + "-" + (token == null ? "none" : "token");
    Logger log = log4j.logger(loggerName);
    if (token == null) {
      log.error(TEMPLATE, order);
    } else {
      try (ContextScope ignored = OpenReplayContext.attach(token)) {
        log.error(TEMPLATE, order);
      }
    }
    String formatted = "payment failed for order " + order;
    // An async appender or logger captures the event later, on its own thread: wait for it to arrive.
    List<ReceivedSentryEvent> found = receiver.awaitEvents(event -> formatted.equals(event.message()), 1, WAIT);
    assertEquals(1, found.size(), "one event " + formatted + " in " + receiver.events());
    assertEquals(List.of(), receiver.problems(), "the receiver refused nothing");
    return found.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.Checkout", "async.appender", "async.logger"})
  void anErrorOfARequestCarriesBothTagsAndItsTemplate(String loggerName) throws Exception {
    ReceivedSentryEvent event = logAndReceive(loggerName, SessionToken.parse(TOKEN).orElseThrow());
    assertEquals(TOKEN, event.tag(SessionToken.TOKEN_KEY), "G1 tag of " + event);
    assertEquals(SESSION_ID, event.tag(SessionToken.SESSION_ID_KEY), "G2 tag of " + event);
    assertEquals(TEMPLATE, event.template(), "logentry.message, what Sentry groups by");
    assertTrue(event.isError(), "an error event: " + event);
    assertTrue(SentryG1Lookup.linkedTo(receiver.events(), TOKEN).contains(event), "G1 finds it by the token tag");
    assertTrue(SentryG2Lookup.forSession(receiver.events(), SESSION_ID).contains(event), "G2 finds it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.Batch", "async.appender", "async.logger"})
  void anErrorWithoutATokenCarriesNoTag(String loggerName) throws Exception {
    ReceivedSentryEvent event = logAndReceive(loggerName, null);
    assertNull(event.tag(SessionToken.TOKEN_KEY), "no G1 tag on " + event);
    assertNull(event.tag(SessionToken.SESSION_ID_KEY), "no G2 tag on " + event);
    assertEquals(TEMPLATE, event.template());
  }
}
