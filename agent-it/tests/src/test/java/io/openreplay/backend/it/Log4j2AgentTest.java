package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static io.openreplay.backend.it.ContainerAgentTest.HEADER;
import static io.openreplay.backend.it.ContainerAgentTest.SESSION_ID_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.TOKEN_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Tomcat 10.1 app that logs through Log4j 2 (a plain {@code %p [%t] %m%n} console, a JsonTemplateLayout file, the
 * ECS template, a pattern and a JSON file behind an {@code AsyncAppender}, an async audit logger), with only
 * {@code -javaagent} added: every ERROR of a request with a token (the contract's, in the comparison), on the
 * request thread and on the app's own pool thread, carries the prefix in its rendered text and JSON message and both
 * keys in its context data; synchronously, behind the {@code AsyncAppender}, in an async logger of the configuration
 * and with all loggers async (on the garbage-free thread context), on Log4j 2.26 and 2.17. No harm: an INFO line
 * carries the keys only; a request without a token logs what it logs without the agent; the lines of a request with
 * a token are those without the agent plus the prefix; and the {@code Message}'s template and formatted text, which
 * error trackers group by, are the same with and without the agent.
 */
class Log4j2AgentTest {

  private static final String APP = "tomcat-log4j2";
  private static final String MAIN = "io.openreplay.backend.it.log4j2.Log4j2App";
  private static final String ASYNC_LOGGERS = "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";
  /** Each request logs an INFO and an ERROR on the request thread and an ERROR on the app's pool. */
  private static final int EVENTS = 3;

  /**
   * What one request made the app write, sorted: console lines, the AsyncAppender's pattern lines and the async
   * audit logger's line (marker and Tomcat's thread number left out), JSON events (logging thread's file, ECS file,
   * AsyncAppender's file) and the {@code Message} templates.
   */
  record Written(List<String> console, List<String> asyncText, List<String> audit, List<JsonNode> json,
      List<JsonNode> ecs, List<JsonNode> asyncJson, List<String> templates) {
  }

  /** One run of the app with its two requests: with a token and without. */
  record Run(Session session, Written withToken, Written withoutToken) {
  }

  @Test
  void errorsOfARequestWithATokenCarryItEverywhereAndNothingElseChanges() throws Exception {
    Run plain = run(ForkedApp.app(APP, MAIN).withoutAgent(), contractSession());
    Run agent = run(ForkedApp.app(APP, MAIN), contractSession());

    Session session = agent.session();
    assertCarries(agent.withToken(), session);
    assertCarriesNothing(agent.withoutToken());
    assertCarriesNothing(plain.withToken());

    // Without a token, every output is what it is without the agent.
    assertEquals(plain.withoutToken().console(), agent.withoutToken().console());
    assertEquals(plain.withoutToken().asyncText(), agent.withoutToken().asyncText());
    assertEquals(plain.withoutToken().audit(), agent.withoutToken().audit());
    assertEquals(summary(plain.withoutToken().json(), null), summary(agent.withoutToken().json(), null));
    assertEquals(plain.withoutToken().templates(), agent.withoutToken().templates());

    // With a token: the same lines, plus the prefix on ERRORs and the keys; the same Message templates.
    assertEquals(plain.withToken().console(), withoutPrefix(agent.withToken().console(), session));
    assertEquals(plain.withToken().asyncText(), withoutPrefix(agent.withToken().asyncText(), session));
    assertEquals(plain.withToken().audit(), withoutPrefix(agent.withToken().audit(), session));
    assertEquals(summary(plain.withToken().json(), null),
        withoutPrefix(summary(agent.withToken().json(), session), session));
    assertEquals(summary(plain.withToken().asyncJson(), null),
        withoutPrefix(summary(agent.withToken().asyncJson(), session), session));
    assertEquals(plain.withToken().templates(), agent.withToken().templates());
    assertTrue(agent.withToken().templates().contains(
        "ERROR\tpayment failed for order {} id={}\tpayment failed for order 42 id=MARKER"),
        () -> "templates: " + agent.withToken().templates());
  }

  @Test
  void asyncLoggersKeepTheToken() throws Exception {
    // On the garbage-free thread context: the ring buffer's reusable events get the keys in place.
    Run run = run(ForkedApp.app(APP, MAIN).property("log4j2.contextSelector", ASYNC_LOGGERS)
        .property("log4j2.garbagefree.threadContextMap", "true"), Session.next());
    assertCarries(run.withToken(), run.session());
    assertCarriesNothing(run.withoutToken());
  }

  @Test
  void log4j217IsInstrumentedTheSameWay() throws Exception {
    Run run = run(ForkedApp.app("tomcat-log4j2-217", MAIN), Session.next());
    assertCarries(run.withToken(), run.session());
    assertCarriesNothing(run.withoutToken());
  }

  /** The contract's token (OpenReplay issue 1852) and its session id, with a marker of its own. */
  static Session contractSession() {
    return new Session(TestTokens.CONTRACT_TOKEN, TestTokens.CONTRACT_SESSION_ID, Session.next().marker());
  }

  private static Run run(ForkedApp.Launch launch, Session session) throws Exception {
    Path runs = ItPaths.runsDir();
    String label = "log4j2-" + System.nanoTime();
    Path templates = Files.createFile(runs.resolve(label + "-templates.tsv"));
    Path ecs = runs.resolve(label + "-ecs.json");
    Path async = runs.resolve(label + "-async.json");
    launch.property("it.templates.file", templates.toString()).property("it.ecs.file", ecs.toString())
        .property("it.async.file", async.toString());
    try (ForkedApp app = launch.start()) {
      assertEquals(200, app.get("/payment?id=" + session.marker(), HEADER, session.token()).statusCode());
      Written withToken = written(app, session.marker(), ecs, async, templates);
      String none = Session.next().marker();
      assertEquals(200, app.get("/payment?id=" + none).statusCode());
      Written withoutToken = written(app, none, ecs, async, templates);
      return new Run(session, withToken, withoutToken);
    }
  }

  /** Waits for the request's events in every output. */
  private static Written written(ForkedApp app, String marker, Path ecs, Path async, Path templates)
      throws Exception {
    String id = "id=" + marker;
    List<String> console = awaitLines(() -> app.output().lines(), id, EVENTS);
    List<String> asyncText = awaitLines(() -> lines(Path.of(async + ".txt")), id, EVENTS);
    List<String> audit = awaitLines(() -> lines(Path.of(async + ".audit.txt")), id, 1);
    List<String> templateLines = awaitLines(() -> Files.readAllLines(templates).stream(), id, EVENTS);
    return new Written(console, asyncText, audit, awaitEvents(app.log(), id), awaitEvents(new AppLog(ecs), id),
        awaitEvents(new AppLog(async), id), templateLines);
  }

  static Stream<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file).stream() : Stream.empty();
  }

  private static List<JsonNode> awaitEvents(AppLog log, String id) throws IOException, InterruptedException {
    List<JsonNode> events = log.await(messageContains(id), EVENTS, WAIT);
    assertEquals(EVENTS, events.size(), () -> "JSON events with " + id + ": " + events);
    return events;
  }

  static List<String> awaitLines(Callable<Stream<String>> source, String id, int count) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<String> lines = source.call().filter(line -> line.contains(id)).map(Log4j2AgentTest::normalized)
          .sorted().toList();
      if (lines.size() >= count || System.nanoTime() - deadline > 0) {
        assertEquals(count, lines.size(), () -> "lines with " + id + ": " + lines);
        return lines;
      }
      synchronized (Log4j2AgentTest.class) {
        Log4j2AgentTest.class.wait(50);
      }
    }
  }

  /** A line with the request's marker and the number of Tomcat's request thread left out. */
  private static String normalized(String line) {
    return line.replaceAll("id=m\\d+", "id=MARKER").replaceAll("exec-\\d+", "exec-N");
  }

  /** JSON events as {@code LEVEL [thread] message KEYS}, where the keys are those of {@code session}, else none. */
  private static List<String> summary(List<JsonNode> events, Session session) {
    return events.stream().map(event -> {
      String keys = text(event, TOKEN_KEY) + " " + text(event, SESSION_ID_KEY);
      if (session != null && keys.equals(session.token() + " " + session.sessionId())) {
        keys = "null null";
      }
      return normalized(text(event, "level") + " [" + text(event, "thread_name") + "] " + text(event, "message")
          + " " + keys);
    }).sorted().toList();
  }

  private static List<String> withoutPrefix(List<String> lines, Session session) {
    return lines.stream().map(line -> line.replace(session.prefix(), "")).toList();
  }

  /** The request's ERRORs carry the prefix once and the keys in every output, its INFO the keys only. */
  private static void assertCarries(Written written, Session session) {
    for (List<String> lines : List.of(written.console(), written.asyncText())) {
      List<String> errors = lines.stream().filter(line -> line.startsWith("ERROR ")).toList();
      assertEquals(2, errors.size(), () -> "ERROR lines: " + lines);
      for (String line : errors) {
        assertTrue(line.matches("ERROR \\[[^]]+\\] \\Q" + session.prefix() + "\\E(payment|refund) failed .*")
            && count(line, TOKEN_KEY) == 1, () -> "the prefix once, in front of the message: " + line);
      }
      assertTrue(errors.stream().anyMatch(line -> line.startsWith("ERROR [payment-pool] ")),
          () -> "the pool thread's ERROR: " + errors);
      lines.stream().filter(line -> line.startsWith("INFO ")).forEach(
          line -> assertFalse(line.contains(TOKEN_KEY), () -> "no prefix on INFO: " + line));
    }
    for (List<JsonNode> events : List.of(written.json(), written.ecs(), written.asyncJson())) {
      for (JsonNode event : events) {
        assertEquals(session.token(), text(event, TOKEN_KEY), () -> "token key of " + event);
        assertEquals(session.sessionId(), text(event, SESSION_ID_KEY), () -> "session id key of " + event);
        String message = text(event, "message");
        boolean error = "ERROR".equals(text(event, "level")) || "ERROR".equals(text(event, "log.level"));
        assertEquals(error, message.startsWith(session.prefix()), () -> "prefix on ERRORs only: " + event);
        assertEquals(error ? 1 : 0, count(message, TOKEN_KEY), () -> "the prefix once: " + event);
      }
    }
    String audit = written.audit().get(0);
    assertTrue(audit.matches("ERROR \\[http-[^]]+\\] \\Q" + session.prefix() + "\\Epayment audit failed id=MARKER"),
        () -> "the async logger's line: " + audit);
    for (String template : written.templates()) {
      assertFalse(template.contains("openReplaySession"), () -> "the Message is untouched: " + template);
    }
  }

  private static void assertCarriesNothing(Written written) {
    for (List<String> lines : List.of(written.console(), written.asyncText(), written.audit(), written.templates())) {
      for (String line : lines) {
        assertFalse(line.contains("openReplaySession"), line);
      }
    }
    for (List<JsonNode> events : List.of(written.json(), written.ecs(), written.asyncJson())) {
      for (JsonNode event : events) {
        assertNull(text(event, TOKEN_KEY), () -> "no token key on " + event);
        assertNull(text(event, SESSION_ID_KEY), () -> "no session id key on " + event);
        assertFalse(String.valueOf(text(event, "message")).contains("openReplaySession"), () -> "no prefix: " + event);
      }
    }
  }

  static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
