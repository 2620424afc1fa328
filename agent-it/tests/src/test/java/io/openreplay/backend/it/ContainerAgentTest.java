package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.mentions;
import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * One unmodified servlet application, started once in its own JVM with only {@code -javaagent} added, and every
 * check of issue 4 that a servlet container must pass, each on requests of its own (own token, own marker).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerAgentTest {

  static final String TOKEN_KEY = "openReplaySessionToken";
  static final String SESSION_ID_KEY = "openReplaySession.id";
  static final String HEADER = "X-OpenReplay-SessionToken";
  static final Duration WAIT = Duration.ofSeconds(20);
  /**
   * Sends each session's logging request ({@code /s/log}), waits for each one's ERROR in the app's JSON log, then
   * writes that log to {@code file}, one event a line as logstash wrote it (read back and written out again, field
   * for field): the file a log shipper tails.
   *
   * @param app the app
   * @param sessions the sessions, one request each
   * @param file where the log goes
   * @return {@code file}
   * @throws Exception when a request fails or an ERROR does not arrive
   */
  static Path errorsOfSessionsAsJsonFile(ForkedApp app, List<Session> sessions, Path file) throws Exception {
    for (Session s : sessions) {
      assertEquals(200, app.get("/s/log?id=" + s.marker(), HEADER, s.token()).statusCode());
    }
    for (Session s : sessions) {
      assertEquals(1, app.log().await(messageContains("scenario error id=" + s.marker()), 1, WAIT).size());
    }
    Files.write(file, app.log().events().stream().map(Object::toString).collect(Collectors.toList()));
    return file;
  }

  /**
   * What the {@code residue} scenario logs: on the container thread, each of the executor's 4 threads, the common
   * pool (a runnable and a CompletableFuture stage), the scheduler and each of the app's 2 fork-join workers.
   */
  static final int RESIDUE_EVENTS = 10;

  private static final AtomicLong SESSION_IDS = new AtomicLong(7_000_000_000_000_000_000L);

  SentryReceiver sentry;
  RollbarReceiver rollbar;
  ForkedApp app;

  /** The app module's folder name under agent-it/apps. */
  abstract String appName();

  /** The app's main class. */
  abstract String mainClass();

  /** Whether the container logs an uncaught servlet exception at ERROR (Tomcat) or lower (Jetty: WARN). */
  abstract boolean containerLogsUncaughtAtError();

  @BeforeAll
  void startApp() throws Exception {
    sentry = SentryReceiver.start();
    rollbar = RollbarReceiver.start();
    app = configure(ForkedApp.app(appName(), mainClass())
        .property("it.sentry.dsn", sentry.dsn())
        .property("it.rollbar.endpoint", rollbar.endpoint())
        .property("it.rollbar.accessToken", RollbarReceiver.ACCESS_TOKEN))
        .start();
    started(app);
  }

  /** Called once the app serves, for a variant that attaches the agent to the running app; nothing by default. */
  void started(ForkedApp running) throws Exception {
  }

  /** The app's launch, for a variant of the app to add its settings to; unchanged by default. */
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch;
  }

  @AfterAll
  void stopApp() throws Exception {
    if (app != null) {
      app.close();
    }
    if (sentry != null) {
      sentry.close();
    }
    if (rollbar != null) {
      rollbar.close();
    }
  }

  /** A fresh token and its session id. */
  record Session(String token, String sessionId, String marker) {
    static Session next() {
      long id = SESSION_IDS.incrementAndGet();
      return new Session(TestTokens.token(id), Long.toUnsignedString(id), "m" + id);
    }

    /**
     * A fresh session whose token OpenReplay G1's expressions ({@code openReplaySessionToken=([0-9a-zA-Z\\.]+)},
     * CloudWatch, Datadog, Elasticsearch) read whole: its delay part is made non-negative (a {@code -} would end the
     * match; see the README's troubleshooting of negative delays).
     */
    static Session nextReadWholeByG1() {
      Session session = next();
      String[] parts = session.token().split("\\.");
      parts[1] = parts[1].replace("-", "");
      return new Session(String.join(".", parts), session.sessionId(), session.marker());
    }

    String prefix() {
      return "[" + TOKEN_KEY + "=" + token + "] [" + SESSION_ID_KEY + "=" + sessionId + "] ";
    }
  }

  HttpResponse<String> get(String path, Session session) throws Exception {
    String separator = path.contains("?") ? "&" : "?";
    return app.get(path + separator + "id=" + session.marker(), HEADER, session.token());
  }

  HttpResponse<String> getWithoutHeader(String path, String marker) throws Exception {
    String separator = path.contains("?") ? "&" : "?";
    return app.get(path + separator + "id=" + marker);
  }

  static void assertCarries(JsonNode event, Session session, boolean prefixed) {
    assertEquals(session.token(), text(event, TOKEN_KEY), () -> "MDC token of " + event);
    assertEquals(session.sessionId(), text(event, SESSION_ID_KEY), () -> "MDC session id of " + event);
    String message = text(event, "message");
    if (prefixed) {
      assertTrue(message.startsWith(session.prefix()), () -> "prefix of " + event);
    } else {
      assertFalse(message.contains(TOKEN_KEY), () -> "no prefix expected on " + event);
    }
  }

  static void assertCarriesNothing(JsonNode event) {
    assertNull(text(event, TOKEN_KEY), () -> "no token expected on " + event);
    assertNull(text(event, SESSION_ID_KEY), () -> "no session id expected on " + event);
    assertFalse(String.valueOf(text(event, "message")).contains("openReplaySession"), () -> "no prefix on " + event);
  }

  @Test
  void errorLoggedDuringRequestCarriesTheTokenInTheEventMdcAndTheMessagePrefix() throws Exception {
    Session session = Session.next();
    assertEquals(200, get("/s/log", session).statusCode());
    List<JsonNode> error = app.log().await(messageContains("scenario error id=" + session.marker()), 1, WAIT);
    List<JsonNode> info = app.log().await(messageContains("scenario info id=" + session.marker()), 1, WAIT);
    assertEquals(1, error.size());
    assertEquals(1, info.size());
    assertCarries(error.get(0), session, true);
    assertEquals("ERROR", text(error.get(0), "level"));
    assertCarries(info.get(0), session, false);
  }

  @Test
  void errorsLoggedFromExecutorsForkJoinCompletableFutureAndNewThreadsCarryTheToken() throws Exception {
    Session session = Session.next();
    assertEquals(200, get("/s/handover", session).statusCode());
    for (String kind : List.of("executor", "completable", "completable-stage", "forkjoin", "forkjoin-invokeall",
        "forkjoin-invokeany", "thread", "scheduled")) {
      List<JsonNode> events = app.log().await(messageContains("scenario " + kind + " id=" + session.marker()), 1, WAIT);
      assertEquals(1, events.size(), kind);
      assertCarries(events.get(0), session, true);
    }
  }

  @Test
  void errorsLoggedFromForkJoinTasksAndParallelStreamsOnPoolWorkersCarryTheToken() throws Exception {
    Session session = Session.next();
    HttpResponse<String> response = get("/s/forkjoin-tasks", session);
    assertEquals(200, response.statusCode());
    assertEquals("forkjoin-tasks " + session.marker(), response.body());
    assertForkJoinTasksCarry(app, session);
  }

  /**
   * The {@code forkjoin-tasks} scenario's errors (a parallel stream on the common pool, recursive tasks on the
   * common pool and on the app's own pool, their subtasks forked by the request thread and by pool workers): every
   * one carries the request's token, and each kind logged at least once on a worker of its pool.
   */
  static void assertForkJoinTasksCarry(ForkedApp app, Session session) throws Exception {
    forkJoinTaskEvents(app, session.marker()).forEach(event -> assertCarries(event, session, true));
  }

  /**
   * The events of the {@code forkjoin-tasks} scenario run with {@code marker}, once all arrived: each kind's
   * count, all at ERROR, and each kind logged at least once on a worker of its pool.
   */
  static List<JsonNode> forkJoinTaskEvents(ForkedApp app, String marker) throws Exception {
    String commonWorker = "ForkJoinPool.commonPool-worker-";
    Map<String, Integer> counts = Map.of("parallel-stream", 4, "recursive-common", 4, "recursive-pool", 4);
    Map<String, String> workers = Map.of("parallel-stream", commonWorker, "recursive-common", commonWorker,
        "recursive-pool", "scenario-fork-join-");
    List<JsonNode> all = new ArrayList<>();
    for (Map.Entry<String, Integer> kind : counts.entrySet()) {
      List<JsonNode> events =
          app.log().await(messageContains("scenario " + kind.getKey() + " id=" + marker + " "), kind.getValue(), WAIT);
      assertEquals(kind.getValue(), events.size(), kind.getKey());
      events.forEach(event -> assertEquals("ERROR", text(event, "level")));
      String worker = workers.get(kind.getKey());
      assertTrue(events.stream().anyMatch(event -> String.valueOf(text(event, "thread_name")).startsWith(worker)),
          () -> kind.getKey() + " logged on a worker " + worker + "*: " + events);
      all.addAll(events);
    }
    return all;
  }

  @Test
  void asyncStartAndAsyncDispatchCarryTheToken() throws Exception {
    Session started = Session.next();
    HttpResponse<String> async = get("/async", started);
    assertEquals(200, async.statusCode());
    assertEquals("async " + started.marker(), async.body());
    List<JsonNode> events = app.log().await(messageContains("scenario async id=" + started.marker()), 1, WAIT);
    assertEquals(1, events.size());
    assertCarries(events.get(0), started, true);

    Session dispatched = Session.next();
    HttpResponse<String> dispatch = get("/dispatch", dispatched);
    assertEquals(200, dispatch.statusCode());
    events = app.log().await(messageContains("scenario dispatched id=" + dispatched.marker()), 1, WAIT);
    assertEquals(1, events.size());
    assertCarries(events.get(0), dispatched, true);
  }

  @Test
  void theContainersOwnLineForAnUncaughtExceptionCarriesTheToken() throws Exception {
    Session session = Session.next();
    assertEquals(500, get("/throw", session).statusCode());
    List<JsonNode> events = app.log().await(mentions("scenario uncaught id=" + session.marker()), 1, WAIT);
    assertFalse(events.isEmpty(), "the container logged the exception");
    for (JsonNode event : events) {
      boolean error = "ERROR".equals(text(event, "level"));
      assertEquals(containerLogsUncaughtAtError(), error, () -> "level of " + event);
      assertCarries(event, session, error);
    }
  }

  @Test
  void sentryEventsCapturedDuringTheRequestCarryBothTags() throws Exception {
    Session session = Session.next();
    assertEquals(200, get("/s/sentry", session).statusCode());
    List<ReceivedSentryEvent> events =
        sentry.awaitEvents(event -> session.token().equals(event.tag(TOKEN_KEY)), 2, WAIT);
    assertEquals(2, events.size(), () -> "events: " + sentry.events() + " problems: " + sentry.problems());
    for (ReceivedSentryEvent event : events) {
      assertTrue(event.isError());
      assertEquals(session.sessionId(), event.tag(SESSION_ID_KEY));
    }
    assertEquals(2, SentryG1Lookup.linkedTo(events, session.token()).size());
    assertEquals(2, SentryG2Lookup.forSession(events, session.sessionId()).size());

    // A logged error reaches Sentry through sentry-logback with the tags too.
    Session logged = Session.next();
    assertEquals(200, get("/s/log", logged).statusCode());
    List<ReceivedSentryEvent> fromLog =
        sentry.awaitEvents(event -> logged.token().equals(event.tag(TOKEN_KEY)), 1, WAIT);
    assertEquals(1, fromLog.size());
    assertEquals(logged.sessionId(), fromLog.get(0).tag(SESSION_ID_KEY));
  }

  @Test
  void rollbarItemsSentDuringTheRequestCarryTheToken() throws Exception {
    Session session = Session.next();
    Instant since = Instant.now().minusSeconds(5);
    assertEquals(200, get("/s/rollbar", session).statusCode());
    List<ReceivedRollbarItem> items = rollbar.awaitItems(
        item -> session.token().equals(item.string("/custom/" + TOKEN_KEY).orElse(null)), 2, WAIT);
    assertEquals(2, items.size(), () -> "items: " + rollbar.items() + " problems: " + rollbar.problems());
    for (ReceivedRollbarItem item : items) {
      assertEquals(session.sessionId(), item.string("/custom/" + SESSION_ID_KEY.replace("~", "~0").replace("/", "~1")).orElse(null));
    }
    List<RollbarG1Lookup.Row> found = RollbarG1Lookup.run(items, since, session.token());
    assertEquals(1, found.size(), "the message item is found by OpenReplay's RQL query");
    assertEquals("message", found.get(0).item().bodyKind());
  }

  @Test
  void aRequestWithoutTheHeaderLeavesNoTokenAnywhere() throws Exception {
    String marker = "none" + System.nanoTime();
    assertEquals(200, getWithoutHeader("/s/log", marker).statusCode());
    assertEquals(200, getWithoutHeader("/s/handover", marker).statusCode());
    assertEquals(500, getWithoutHeader("/throw", marker).statusCode());
    assertEquals(200, getWithoutHeader("/async", marker).statusCode());
    List<JsonNode> events = app.log().await(mentions("id=" + marker), 10, WAIT);
    assertTrue(events.size() >= 10, () -> "events: " + events.size());
    events.forEach(ContainerAgentTest::assertCarriesNothing);
    assertEquals(200, getWithoutHeader("/s/sentry", marker).statusCode());
    List<ReceivedSentryEvent> message = sentry.awaitEvents(
        event -> event.message() != null && event.message().contains("scenario sentry message id=" + marker), 1, WAIT);
    assertEquals(1, message.size());
    assertNull(message.get(0).tag(TOKEN_KEY));
    assertNull(message.get(0).tag(SESSION_ID_KEY));
    assertEquals(200, getWithoutHeader("/s/forkjoin-tasks", marker).statusCode());
    forkJoinTaskEvents(app, marker).forEach(ContainerAgentTest::assertCarriesNothing);
  }

  @Test
  void nothingRemainsOnPoolOrContainerThreadsAfterTokenedRequests() throws Exception {
    for (int i = 0; i < 3; i++) {
      Session session = Session.next();
      assertEquals(200, get("/s/handover", session).statusCode());
      assertEquals(200, get("/s/forkjoin-tasks", session).statusCode());
      assertEquals(200, get("/async", session).statusCode());
    }
    String marker = "residue" + System.nanoTime();
    assertEquals(200, getWithoutHeader("/s/residue", marker).statusCode());
    List<JsonNode> events = app.log().await(messageContains("id=" + marker), RESIDUE_EVENTS, WAIT);
    assertEquals(RESIDUE_EVENTS, events.size(), () -> "residue events: " + events);
    events.forEach(ContainerAgentTest::assertCarriesNothing);
  }
}
