package io.openreplay.backend.webflux.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Sentry error events of WebFlux requests: sentry-logback's appender, without {@code contextTag}s, on the
 * application that {@link ReactorNettyTokenTest} uses too, sending to the testkit's loopback Sentry. The tags come from
 * {@code openreplay-sentry}'s attach listener, which follows the token onto every thread the request's operators run
 * on: each ERROR line of a request, after the scheduler hops and Spring Boot's own 500 line, becomes an event with
 * that request's tags, found by OpenReplay's G1 and G2 lookups; concurrent requests never get each other's tags.
 */
class SentryErrorEventsTest {

  private static final Duration WAIT = WebFluxApp.WAIT;

  private static WebFluxApp app;
  @AutoClose
  private static SentryReceiver receiver;
  private static SentryAppender appender;

  @BeforeAll
  static void start() throws Exception {
    receiver = SentryReceiver.start();
    app = WebFluxApp.hops();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    SentryOptions options = new SentryOptions();
    options.setDsn(receiver.dsn());
    options.setMaxQueueSize(1000);
    appender = new SentryAppender();
    appender.setContext(context);
    appender.setOptions(options);
    appender.setMinimumEventLevel(Level.ERROR);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    assertTrue(Sentry.isEnabled(), "the appender initialised Sentry");
  }

  @AfterAll
  static void stop() {
    if (appender != null) {
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
      appender.stop();
    }
    Sentry.close();
  }

  @AfterEach
  void nothingRefused() {
    assertEquals(List.of(), receiver.problems());
  }

  private static CompletableFuture<HttpResponse<String>> fail(String id, String token) {
    return token == null ? app.get("/fail/" + id, "Accept", "text/html")
        : app.get("/fail/" + id, "Accept", "text/html", "X-OpenReplay-SessionToken", token);
  }

  private static List<ReceivedSentryEvent> eventsOf(String id) throws InterruptedException {
    List<ReceivedSentryEvent> found = receiver.awaitEvents(event -> event.message() != null
        && (event.message().contains("[" + id + "]") || event.message().contains("\"/fail/" + id + "\"")),
        HopsController.FAIL_LINES, WAIT);
    assertEquals(HopsController.FAIL_LINES, found.size(), () -> id + "'s events among " + receiver.events());
    return found;
  }

  @Test
  void everyErrorEventOfARequestIsTaggedAndFoundByBothLookups() throws Exception {
    assertEquals(500, fail("sentry-contract", Tokens.CONTRACT_TOKEN).get(WAIT.toSeconds(), TimeUnit.SECONDS)
        .statusCode());
    List<ReceivedSentryEvent> events = eventsOf("sentry-contract");
    for (ReceivedSentryEvent event : events) {
      assertTrue(event.isError(), event::toString);
      assertEquals(Tokens.CONTRACT_TOKEN, event.tag(SessionToken.TOKEN_KEY), event::toString);
      assertEquals(Tokens.CONTRACT_ID, event.tag(SessionToken.SESSION_ID_KEY), event::toString);
    }
    assertTrue(events.stream().anyMatch(event -> event.message().contains("500 Server Error")
        && event.exceptionTypes().contains("IllegalStateException")), () -> "Spring Boot's error line: " + events);
    List<ReceivedSentryEvent> all = receiver.events();
    assertTrue(SentryG1Lookup.linkedTo(all, Tokens.CONTRACT_TOKEN).containsAll(events), "G1 finds them");
    assertTrue(SentryG2Lookup.forSession(all, Tokens.CONTRACT_ID).containsAll(events), "G2 finds them");
  }

  @Test
  void concurrentRequestsNeverGetEachOthersTags() throws Exception {
    List<String> tokens = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String token = i % 4 == 3 ? null : Tokens.forSession(Tokens.randomSessionId());
      tokens.add(token);
      responses.add(fail("sentry-concurrent-" + i, token));
    }
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertEquals(500, response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
    }
    for (int i = 0; i < tokens.size(); i++) {
      SessionToken expected = SessionToken.parseOrNull(tokens.get(i));
      for (ReceivedSentryEvent event : eventsOf("sentry-concurrent-" + i)) {
        if (expected == null) {
          assertNull(event.tag(SessionToken.TOKEN_KEY), event::toString);
          assertNull(event.tag(SessionToken.SESSION_ID_KEY), event::toString);
        } else {
          assertEquals(expected.token(), event.tag(SessionToken.TOKEN_KEY), event::toString);
          assertEquals(expected.sessionId(), event.tag(SessionToken.SESSION_ID_KEY), event::toString);
        }
      }
    }
  }
}
