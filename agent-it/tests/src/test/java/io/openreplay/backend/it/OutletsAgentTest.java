package io.openreplay.backend.it;

import static io.openreplay.backend.it.ContainerAgentTest.HEADER;
import static io.openreplay.backend.it.ContainerAgentTest.SESSION_ID_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.TOKEN_KEY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchG1Lookup;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogEvent;
import io.openreplay.backend.testkit.cloudwatch.CloudWatchLogsReceiver;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryStackFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent does no harm to what an application's error outlets receive (issue 8): the {@code outlets} app logs
 * {@code log.error("payment failed for order {}", 42)} through sentry-logback, rollbar-logback and the CloudWatch
 * awslogs appender, directly and behind logback's {@code AsyncAppender}, in one JVM without the agent and one with
 * only {@code -javaagent} added, each sending to loopback receivers of its own. Both get the same requests; what
 * each outlet receives is compared: Sentry's {@code logentry} (template and formatted), exceptions and level,
 * Rollbar's {@code body.message.body} or {@code body.trace}, the CloudWatch line. With the agent and a token header
 * the token is added where OpenReplay reads it (Sentry tags, Rollbar keys, the CloudWatch line's prefix) and
 * OpenReplay's lookups find the error, also behind the AsyncAppender; without the header nothing differs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutletsAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.outlets.OutletsApp";
  private static final String TEMPLATE = "payment failed for order {}";
  private static final String FORMATTED = "payment failed for order 42";
  private static final String LOG_GROUP = "/it/outlets";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  /** Which logger of the app the request logs on. */
  enum Via {
    /** {@code checkout.direct}: the appenders run on the request thread. */
    DIRECT("/checkout/direct", "checkout.direct"),
    /** {@code checkout.async}: the same appenders behind logback's AsyncAppender, on its worker thread. */
    ASYNC("/checkout/async", "checkout.async");

    final String path;
    final String logger;

    Via(String path, String logger) {
      this.path = path;
      this.logger = logger;
    }
  }

  private Outlets plain;
  private Outlets withAgent;

  @BeforeAll
  void startApps() throws Exception {
    plain = Outlets.start(false);
    withAgent = Outlets.start(true);
  }

  @AfterAll
  void stopApps() throws Exception {
    for (Outlets outlets : new Outlets[] {plain, withAgent}) {
      if (outlets != null) {
        outlets.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aLoggedErrorReachesEachOutletAsWithoutTheAgentPlusTheToken(Via via) throws Exception {
    Session session = Session.nextReadWholeByG1();
    String requestId = nextRequestId(via);
    long since = System.currentTimeMillis() - 1_000;
    Delivery without = plain.send(via, requestId, false, session.token());
    Delivery with = withAgent.send(via, requestId, false, session.token());

    assertAll(
        () -> assertSentryUnchanged(without, with, true),
        () -> assertSentryTagged(with, session),
        () -> assertSentryCarriesNoToken(without),
        () -> assertRollbarUnchanged(without, with),
        () -> assertRollbarKeyed(with, session),
        () -> assertEquals(session.token(), with.rollbar().string("/body/message/" + TOKEN_KEY).orElse(null),
            "Rollbar body.message." + TOKEN_KEY),
        () -> assertEquals(session.sessionId(), with.rollbar().string("/body/message/" + SESSION_ID_KEY).orElse(null),
            "Rollbar body.message." + SESSION_ID_KEY),
        () -> assertEquals(1, RollbarG1Lookup.run(withAgent.rollbar.items(), Instant.ofEpochMilli(since),
            session.token()).size(), "OpenReplay's RQL job finds the message item"),
        () -> assertRollbarCarriesNoToken(without),
        () -> assertCloudWatchLinePrefixed(without, with, session),
        () -> assertCloudWatchLookupFinds(withAgent, since, requestId, session.token()),
        () -> assertCloudWatchLookupFindsNothing(plain, since, requestId));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aLoggedExceptionReachesEachOutletAsWithoutTheAgentPlusTheToken(Via via) throws Exception {
    Session session = Session.nextReadWholeByG1();
    String requestId = nextRequestId(via);
    long since = System.currentTimeMillis() - 1_000;
    Delivery without = plain.send(via, requestId, true, session.token());
    Delivery with = withAgent.send(via, requestId, true, session.token());

    assertAll(
        () -> assertSentryUnchanged(without, with, true),
        () -> assertEquals(List.of("IllegalStateException"), with.sentryReceived().exceptionTypes(),
            "exception types the Sentry receiver parsed"),
        () -> assertSentryTagged(with, session),
        () -> assertSentryCarriesNoToken(without),
        () -> assertRollbarUnchanged(without, with),
        () -> assertEquals("trace", with.rollbar().bodyKind(), "Rollbar body kind"),
        () -> assertRollbarKeyed(with, session),
        () -> assertRollbarCarriesNoToken(without),
        () -> assertCloudWatchLinePrefixed(without, with, session),
        () -> assertTrue(with.cloudWatch().message().contains("java.lang.IllegalStateException: card declined"),
            () -> "the CloudWatch line carries the exception: " + with.cloudWatch().message()),
        () -> assertCloudWatchLookupFinds(withAgent, since, requestId, session.token()));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void withoutTheHeaderEachOutletReceivesExactlyWhatItReceivesWithoutTheAgent(Via via) throws Exception {
    String requestId = nextRequestId(via);
    long since = System.currentTimeMillis() - 1_000;
    Delivery without = plain.send(via, requestId, false, null);
    Delivery with = withAgent.send(via, requestId, false, null);

    assertAll(
        () -> assertSentryUnchanged(without, with, false),
        () -> assertSentryCarriesNoToken(with),
        () -> assertRollbarUnchanged(without, with),
        () -> assertEquals(customOf(without.rollbar()), customOf(with.rollbar()), "Rollbar data.custom"),
        () -> assertRollbarCarriesNoToken(with),
        () -> assertEquals(without.cloudWatch().message(), with.cloudWatch().message(), "CloudWatch line"),
        () -> assertCloudWatchLookupFindsNothing(withAgent, since, requestId));
  }

  private static String nextRequestId(Via via) {
    return via.name().toLowerCase(java.util.Locale.ROOT) + "-" + REQUEST_IDS.incrementAndGet();
  }

  // Sentry

  /**
   * The same {@code logentry} (the template in {@code message}, the text in {@code formatted}, the parameters),
   * level, logger and exceptions; the contexts' MDC the same apart from the token's keys when {@code tokenAdded}.
   */
  private static void assertSentryUnchanged(Delivery without, Delivery with, boolean tokenAdded) {
    Message expected = without.sentry().getMessage();
    Message actual = with.sentry().getMessage();
    assertNotNull(actual, "logentry with the agent");
    assertAll("Sentry event",
        () -> assertEquals(TEMPLATE, expected.getMessage(), "logentry.message without the agent"),
        () -> assertEquals(FORMATTED, expected.getFormatted(), "logentry.formatted without the agent"),
        () -> assertEquals(expected.getMessage(), actual.getMessage(), "logentry.message (the template Sentry groups by)"),
        () -> assertEquals(expected.getFormatted(), actual.getFormatted(), "logentry.formatted"),
        () -> assertEquals(expected.getParams(), actual.getParams(), "logentry.params"),
        () -> assertEquals(without.sentry().getLevel(), with.sentry().getLevel(), "level"),
        () -> assertEquals(without.sentry().getLogger(), with.sentry().getLogger(), "logger"),
        () -> assertEquals(exceptionsOf(without.sentry()), exceptionsOf(with.sentry()), "exceptions"),
        () -> assertEquals(mdcOf(without.sentry()),
            tokenAdded ? withoutTokenKeys(mdcOf(with.sentry())) : mdcOf(with.sentry()), "contexts.MDC"));
  }

  /** Both tags on the event, and OpenReplay's G1 and G2 lookups find it. */
  private void assertSentryTagged(Delivery with, Session session) {
    ReceivedSentryEvent event = with.sentryReceived();
    List<ReceivedSentryEvent> received = withAgent.sentry.events();
    assertAll("Sentry tags",
        () -> assertTrue(event.isError(), "an error event"),
        () -> assertEquals(session.token(), event.tag(TOKEN_KEY), "tag " + TOKEN_KEY),
        () -> assertEquals(session.sessionId(), event.tag(SESSION_ID_KEY), "tag " + SESSION_ID_KEY),
        () -> assertEquals("https://openreplay.example.com/3/session/" + session.sessionId(),
            event.tag("openReplaySessionURL"), "the replay link, OpenReplay's URL and project being configured"),
        () -> assertEquals(List.of(event), SentryG1Lookup.linkedTo(received, session.token()), "G1 lookup"),
        () -> assertEquals(List.of(event), SentryG2Lookup.forSession(received, session.sessionId()), "G2 lookup"));
  }

  private static void assertSentryCarriesNoToken(Delivery delivery) {
    assertAll("no token on the Sentry event",
        () -> assertNull(delivery.sentryReceived().tag(TOKEN_KEY), "tag " + TOKEN_KEY),
        () -> assertNull(delivery.sentryReceived().tag(SESSION_ID_KEY), "tag " + SESSION_ID_KEY),
        () -> assertFalse(mdcOf(delivery.sentry()).containsKey(TOKEN_KEY), "contexts.MDC"),
        () -> assertFalse(mdcOf(delivery.sentry()).containsKey(SESSION_ID_KEY), "contexts.MDC"));
  }

  /** Each exception's type, value, module and frames (module, function, line), as Sentry received them. */
  private static List<String> exceptionsOf(SentryEvent event) {
    List<String> exceptions = new ArrayList<>();
    if (event.getExceptions() == null) {
      return exceptions;
    }
    for (SentryException exception : event.getExceptions()) {
      StringBuilder text = new StringBuilder(exception.getType() + ": " + exception.getValue()
          + " (" + exception.getModule() + ")");
      if (exception.getStacktrace() != null && exception.getStacktrace().getFrames() != null) {
        for (SentryStackFrame frame : exception.getStacktrace().getFrames()) {
          text.append("\n  ").append(frame.getModule()).append('.').append(frame.getFunction()).append(':')
              .append(frame.getLineno());
        }
      }
      exceptions.add(text.toString());
    }
    return exceptions;
  }

  /** The event's {@code contexts.MDC}, as sentry-logback copies the logback event's MDC map; empty when none. */
  private static Map<String, Object> mdcOf(SentryEvent event) {
    Map<String, Object> mdc = new TreeMap<>();
    Object context = event.getContexts().get("MDC");
    if (context instanceof Map<?, ?> map) {
      map.forEach((key, value) -> mdc.put(String.valueOf(key), value));
    }
    return mdc;
  }

  private static Map<String, Object> withoutTokenKeys(Map<String, Object> mdc) {
    Map<String, Object> copy = new TreeMap<>(mdc);
    copy.remove(TOKEN_KEY);
    copy.remove(SESSION_ID_KEY);
    return copy;
  }

  // Rollbar

  /**
   * The same level and body: {@code body.message.body} of a message item, or {@code body.trace}'s exception (class,
   * message, and the logged text as its description) and frames of an exception item.
   */
  private static void assertRollbarUnchanged(Delivery without, Delivery with) {
    ReceivedRollbarItem expected = without.rollbar();
    ReceivedRollbarItem actual = with.rollbar();
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(expected.level(), actual.level(), "level"));
    checks.add(() -> assertEquals(expected.bodyKind(), actual.bodyKind(), "body kind"));
    if ("message".equals(expected.bodyKind())) {
      checks.add(() -> assertEquals(FORMATTED, expected.string("/body/message/body").orElse(null),
          "body.message.body without the agent"));
      checks.add(() -> assertEquals(expected.string("/body/message/body"), actual.string("/body/message/body"),
          "body.message.body (the text Rollbar groups by)"));
    } else {
      checks.add(() -> assertEquals(FORMATTED, expected.string("/body/trace/exception/description").orElse(null),
          "body.trace.exception.description without the agent"));
      for (String field : List.of("class", "message", "description")) {
        String pointer = "/body/trace/exception/" + field;
        checks.add(() -> assertEquals(expected.string(pointer), actual.string(pointer), "body.trace.exception." + field));
      }
      checks.add(() -> assertEquals(framesOf(expected), framesOf(actual), "body.trace.frames"));
    }
    assertAll("Rollbar item", checks);
  }

  /** Both keys in {@code data.custom}, where every item with a token has them. */
  private static void assertRollbarKeyed(Delivery with, Session session) {
    assertAll("Rollbar data.custom",
        () -> assertEquals(session.token(), with.rollbar().string("/custom/" + TOKEN_KEY).orElse(null),
            "custom." + TOKEN_KEY),
        () -> assertEquals(session.sessionId(), with.rollbar().string("/custom/" + SESSION_ID_KEY).orElse(null),
            "custom." + SESSION_ID_KEY));
  }

  private static void assertRollbarCarriesNoToken(Delivery delivery) {
    ReceivedRollbarItem item = delivery.rollbar();
    assertAll("no token on the Rollbar item",
        () -> assertFalse(item.has("/custom/" + TOKEN_KEY), "custom." + TOKEN_KEY),
        () -> assertFalse(item.has("/custom/" + SESSION_ID_KEY), "custom." + SESSION_ID_KEY),
        () -> assertFalse(item.has("/body/message/" + TOKEN_KEY), "body.message." + TOKEN_KEY),
        () -> assertFalse(item.has("/body/message/" + SESSION_ID_KEY), "body.message." + SESSION_ID_KEY),
        () -> assertFalse(item.has("/custom/rollbar-logback/mdc/" + TOKEN_KEY), "rollbar-logback's MDC"));
  }

  /** {@code data.custom} without the name of the thread that appended (a container's threads are pooled). */
  private static JsonNode customOf(ReceivedRollbarItem item) {
    JsonNode custom = item.data().path("custom").deepCopy();
    if (custom.path("rollbar-logback") instanceof ObjectNode logback) {
      logback.remove("threadName");
    }
    return custom;
  }

  private static List<String> framesOf(ReceivedRollbarItem item) {
    List<String> frames = new ArrayList<>();
    for (JsonNode frame : item.data().at("/body/trace/frames")) {
      frames.add(frame.path("class_name").asString("") + "." + frame.path("method").asString("") + ":"
          + frame.path("lineno").asString(""));
    }
    return frames;
  }

  // CloudWatch Logs

  /** The line with the agent is the line without it, with the prefix in front of the message. */
  private static void assertCloudWatchLinePrefixed(Delivery without, Delivery with, Session session) {
    String lineWithout = without.cloudWatch().message();
    String head = "ERROR [" + without.requestId() + "] " + without.via().logger + " - ";
    assertTrue(lineWithout.startsWith(head + FORMATTED + "\n"), () -> "CloudWatch line without the agent: " + lineWithout);
    assertEquals(head + session.prefix() + lineWithout.substring(head.length()), with.cloudWatch().message(),
        "CloudWatch line with the agent");
  }

  /** OpenReplay's CloudWatch lookup finds the request's line and cuts the exact token out of it. */
  private static void assertCloudWatchLookupFinds(Outlets outlets, long since, String requestId, String token) {
    List<CloudWatchG1Lookup.Found> found = cloudWatchLookup(outlets, since, requestId);
    assertEquals(1, found.size(), () -> "CloudWatch lookup: " + found);
    assertEquals(token, found.get(0).token(), "token OpenReplay cuts out of the line");
  }

  private static void assertCloudWatchLookupFindsNothing(Outlets outlets, long since, String requestId) {
    assertEquals(List.of(), cloudWatchLookup(outlets, since, requestId), "CloudWatch lookup");
  }

  private static List<CloudWatchG1Lookup.Found> cloudWatchLookup(Outlets outlets, long since, String requestId) {
    try (CloudWatchLogsClient client = CloudWatchG1Lookup.clientFor(outlets.cloudWatch.endpoint())) {
      return new CloudWatchG1Lookup(client, LOG_GROUP).find(since).stream()
          .filter(found -> found.event().message().contains("[" + requestId + "] "))
          .toList();
    }
  }

  // The app and its receivers

  /**
   * What one request made each outlet of one app receive.
   *
   * @param via the logger the request logged on
   * @param requestId the request's id, in the app's MDC as {@code requestId}
   * @param sentry the Sentry event whole, as the SDK sent it
   * @param sentryReceived the same event as the Sentry receiver parsed it
   * @param rollbar the Rollbar item
   * @param cloudWatch the CloudWatch Logs event
   */
  record Delivery(Via via, String requestId, SentryEvent sentry, ReceivedSentryEvent sentryReceived,
      ReceivedRollbarItem rollbar, CloudWatchLogEvent cloudWatch) {
  }

  /** The outlets app in a JVM of its own, with or without the agent, and the loopback receivers it sends to. */
  static final class Outlets implements AutoCloseable {
    private final SentryReceiver sentry;
    private final SentryEnvelopeTap sentryTap;
    private final RollbarReceiver rollbar;
    private final CloudWatchLogsReceiver cloudWatch;
    private ForkedApp app;
    /** Requests sent so far: each makes exactly one line in the log group. */
    private int requests;

    private Outlets() throws Exception {
      sentry = SentryReceiver.start();
      sentryTap = SentryEnvelopeTap.inFrontOf(sentry);
      rollbar = RollbarReceiver.start();
      cloudWatch = CloudWatchLogsReceiver.start();
    }

    static Outlets start(boolean agent) throws Exception {
      Outlets outlets = new Outlets();
      try {
        ForkedApp.Launch launch = ForkedApp.app("outlets", MAIN)
            .property("it.sentry.dsn", outlets.sentryTap.dsn())
            .property("it.rollbar.endpoint", outlets.rollbar.endpoint())
            .property("it.rollbar.accessToken", RollbarReceiver.ACCESS_TOKEN)
            .property("it.cloudwatch.endpoint", outlets.cloudWatch.endpoint().toString())
            .property("it.cloudwatch.logGroup", LOG_GROUP);
        outlets.app = (agent ? launch.property("openreplay.url", "https://openreplay.example.com")
            .property("openreplay.projectId", "3") : launch.withoutAgent()).start();
        return outlets;
      } catch (Exception | Error e) {
        outlets.close();
        throw e;
      }
    }

    /**
     * Sends one request (with the token header unless {@code token} is null) and waits for what it made each
     * outlet receive.
     */
    Delivery send(Via via, String requestId, boolean exception, String token) throws Exception {
      String path = via.path + "?id=" + requestId + (exception ? "&exception=true" : "");
      String[] headers = token == null ? new String[0] : new String[] {HEADER, token};
      assertEquals(200, app.get(path, headers).statusCode(), () -> "request " + path + " to " + app);
      requests++;

      List<SentryEvent> sentryEvents = sentryTap.awaitEvents(
          event -> via.logger.equals(event.getLogger()) && requestId.equals(mdcOf(event).get("requestId")), 1, WAIT);
      assertEquals(1, sentryEvents.size(), () -> "Sentry events of " + requestId + " from " + app
          + "; problems: " + sentryTap.problems() + " " + sentry.problems());
      SentryEvent sentryEvent = sentryEvents.get(0);
      ReceivedSentryEvent received = sentry.awaitEvent(String.valueOf(sentryEvent.getEventId()), WAIT)
          .orElseThrow(() -> new AssertionError("the Sentry receiver has no event " + sentryEvent.getEventId()));

      List<ReceivedRollbarItem> items = rollbar.awaitItems(
          item -> requestId.equals(item.string("/custom/rollbar-logback/mdc/requestId").orElse(null))
              && via.logger.equals(item.string("/custom/rollbar-logback/loggerName").orElse(null)), 1, WAIT);
      assertEquals(1, items.size(), () -> "Rollbar items of " + requestId + " from " + app
          + "; problems: " + rollbar.problems());

      List<CloudWatchLogEvent> lines = cloudWatch.awaitEvents(LOG_GROUP, requests, WAIT).stream()
          .filter(line -> line.message().contains("[" + requestId + "] " + via.logger + " - ")).toList();
      assertEquals(1, lines.size(), () -> "CloudWatch lines of " + requestId + " from " + app
          + ": " + cloudWatch.events(LOG_GROUP) + "; problems: " + cloudWatch.problems());

      return new Delivery(via, requestId, sentryEvent, received, items.get(0), lines.get(0));
    }

    @Override
    public void close() throws Exception {
      try {
        if (app != null) {
          app.close();
        }
      } finally {
        sentryTap.close();
        sentry.close();
        rollbar.close();
        cloudWatch.close();
      }
    }
  }
}
