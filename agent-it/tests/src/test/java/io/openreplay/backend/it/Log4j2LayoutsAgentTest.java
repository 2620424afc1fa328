package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.text;
import static io.openreplay.backend.it.ContainerAgentTest.HEADER;
import static io.openreplay.backend.it.ContainerAgentTest.SESSION_ID_KEY;
import static io.openreplay.backend.it.ContainerAgentTest.TOKEN_KEY;
import static io.openreplay.backend.it.Log4j2AgentTest.awaitLines;
import static io.openreplay.backend.it.Log4j2AgentTest.contractSession;
import static io.openreplay.backend.it.Log4j2AgentTest.count;
import static io.openreplay.backend.it.Log4j2AgentTest.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Log4j 2 app with log4j-core's own structured layouts ({@code log4j2-layouts.xml}): {@code JsonLayout} (Jackson)
 * and {@code GelfLayout}, written by the logging thread, behind an {@code AsyncAppender} (GELF there with a
 * {@code messagePattern}) and by an async logger, and {@code XmlLayout} and {@code YamlLayout}, with only
 * {@code -javaagent} added. Every ERROR of a request with a token (the contract's, in the comparison) carries the
 * prefix once at the start of its {@code message} / {@code short_message} / {@code <Message>} (and of the
 * {@code full_message} the pattern makes) and both keys in its context data fields, on the request thread and the
 * app's pool thread, on Log4j 2.26 and 2.17. No harm: a request without a token writes the same bytes as without the
 * agent (time, thread ids and the request's marker aside); the events of a request with a token are those without
 * the agent plus the prefix and the keys; and the {@code Message}'s template and formatted text, which error trackers
 * group by, are the same with and without the agent.
 */
class Log4j2LayoutsAgentTest {

  private static final String MAIN = "io.openreplay.backend.it.log4j2.Log4j2App";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  /** Each request logs an INFO and an ERROR on the request thread and an ERROR on the app's pool. */
  private static final int EVENTS = 3;
  private static final List<String> MESSAGE_FIELDS = List.of("message", "short_message", "full_message");

  /**
   * What one request made the app write, lines sorted and normalised: JsonLayout and GELF of the logging thread, of
   * the AsyncAppender, the async audit logger's JsonLayout line and the {@code Message} templates.
   */
  record Written(List<String> json, List<String> gelf, List<String> asyncJson, List<String> asyncGelf,
      List<String> audit, List<String> templates) {

    List<List<String>> outputs() {
      return List.of(json, gelf, asyncJson, asyncGelf, audit);
    }
  }

  /**
   * One run of the app with its two requests: with a token and without; {@code documents} are the whole XmlLayout and
   * YamlLayout files after both, normalised.
   */
  record Run(Session session, Written withToken, Written withoutToken, List<String> documents) {
  }

  @Test
  void jsonAndGelfMessagesCarryThePrefixAndNothingElseChanges() throws Exception {
    Run plain = run("tomcat-log4j2", false, contractSession());
    Run agent = run("tomcat-log4j2", true, contractSession());

    Session session = agent.session();
    assertCarries(agent.withToken(), session);
    assertCarriesNothing(agent.withoutToken());
    assertCarriesNothing(plain.withToken());

    // Without a token: the same bytes in every output, and the same templates.
    assertEquals(plain.withoutToken(), agent.withoutToken());

    // With a token: the same events, plus the prefix on ERRORs and the keys; the same Message templates.
    List<List<String>> plainOutputs = plain.withToken().outputs();
    List<List<String>> agentOutputs = agent.withToken().outputs();
    for (int i = 0; i < plainOutputs.size(); i++) {
      assertEquals(withoutToken(plainOutputs.get(i), session), withoutToken(agentOutputs.get(i), session));
    }
    assertEquals(plain.withToken().templates(), agent.withToken().templates());
    // XmlLayout and YamlLayout: the same documents, plus the prefix on the request's two ERRORs.
    assertDocumentsCarry(agent, session);
    plain.documents().forEach(document -> assertFalse(document.contains("openReplaySession"), document));
    assertEquals(plain.documents(), agent.documents().stream()
        .map(document -> document.replace(session.prefix(), "")).toList());
    assertTrue(agent.withToken().templates().contains(
        "ERROR\tpayment failed for order {} id={}\tpayment failed for order 42 id=MARKER"),
        () -> "templates: " + agent.withToken().templates());
  }

  @Test
  void log4j217IsInstrumentedTheSameWay() throws Exception {
    Run run = run("tomcat-log4j2-217", true, Session.next());
    assertCarries(run.withToken(), run.session());
    assertCarriesNothing(run.withoutToken());
    assertDocumentsCarry(run, run.session());
  }

  private static Run run(String app, boolean agent, Session session) throws Exception {
    Path files = ItPaths.runsDir().resolve("log4j2-layouts-" + System.nanoTime());
    Path templates = Path.of(files + "-templates.tsv");
    ForkedApp.Launch launch = ForkedApp.app(app, MAIN).property("log4j2.configurationFile", "log4j2-layouts.xml")
        .property("it.layouts.file", files.toString()).property("it.templates.file", templates.toString());
    try (ForkedApp started = (agent ? launch : launch.withoutAgent()).start()) {
      assertEquals(200, started.get("/payment?id=" + session.marker(), HEADER, session.token()).statusCode());
      Written withToken = written(files, templates, session.marker());
      String none = Session.next().marker();
      assertEquals(200, started.get("/payment?id=" + none).statusCode());
      Written withoutToken = written(files, templates, none);
      List<String> documents = new ArrayList<>();
      for (Path document : List.of(Path.of(files + ".xml"), Path.of(files + ".yaml"))) {
        awaitLines(() -> lines(document), "id=" + none, EVENTS);
        documents.add(stable(Files.readString(document)));
      }
      return new Run(session, withToken, withoutToken, documents);
    }
  }

  /** Waits for the request's events in every output. */
  private static Written written(Path files, Path templates, String marker) throws Exception {
    String id = "id=" + marker;
    return new Written(stable(awaitLines(() -> lines(Path.of(files + ".json")), id, EVENTS)),
        stable(awaitLines(() -> lines(Path.of(files + ".gelf")), id, EVENTS)),
        stable(awaitLines(() -> lines(Path.of(files + ".async.json")), id, EVENTS)),
        stable(awaitLines(() -> lines(Path.of(files + ".async.gelf")), id, EVENTS)),
        stable(awaitLines(() -> lines(Path.of(files + ".audit.json")), id, 1)),
        awaitLines(() -> lines(templates), id, EVENTS));
  }

  /** Lines with the time, thread ids and the async logger's batch flag left out, sorted. */
  private static List<String> stable(List<String> lines) {
    return lines.stream().map(Log4j2LayoutsAgentTest::stable).sorted().toList();
  }

  /**
   * JSON, XML or YAML text with the request's marker, Tomcat's thread number, the time, thread ids and the async
   * logger's batch flag left out, and YAML's long quoted strings unfolded (an escaped line break and indent, then an
   * escaped space).
   */
  private static String stable(String text) {
    return text.replaceAll("\\\\\n\\s*\\\\ ", " ")
        .replaceAll("id=m\\d+", "id=MARKER").replaceAll("exec-\\d+", "exec-N")
        .replaceAll("(?<field>(epochSecond|nanoOfSecond|threadId|timeMillis|timestamp)\"?\\s*[:=]\\s*\"?)[0-9.]+",
            "${field}0")
        .replaceAll("(?<field>endOfBatch\"?\\s*[:=]\\s*\"?)(true|false)", "${field}false");
  }

  /** The request's two ERRORs, and nothing else, carry the prefix in XmlLayout's and YamlLayout's message. */
  private static void assertDocumentsCarry(Run run, Session session) {
    Pattern prefixed = Pattern.compile(
        Pattern.quote(session.prefix()) + "(payment|refund) failed for order 42 id=MARKER");
    for (String document : run.documents()) {
      assertEquals(2, prefixed.matcher(document).results().count(), () -> "the ERRORs' prefix: " + document);
      assertEquals(2, count(document, TOKEN_KEY), () -> "the prefix only there: " + document);
    }
  }

  /** The request's ERRORs carry the prefix once in each message field, every event the keys. */
  private static void assertCarries(Written written, Session session) {
    for (List<String> lines : written.outputs()) {
      for (String line : lines) {
        JsonNode event = JSON.readTree(line);
        assertEquals(session.token(), key(event, TOKEN_KEY), () -> "token key of " + line);
        assertEquals(session.sessionId(), key(event, SESSION_ID_KEY), () -> "session id key of " + line);
        boolean error = isError(event);
        String message = text(event, event.has("message") ? "message" : "short_message");
        assertEquals(error, message.startsWith(session.prefix()), () -> "prefix on ERRORs only: " + line);
        for (String field : MESSAGE_FIELDS) {
          String text = text(event, field);
          int expected = error && (text != null && !text.startsWith("java.lang.")) ? 1 : 0;
          assertEquals(expected, text == null ? 0 : count(text, TOKEN_KEY), () -> field + ", prefix once: " + line);
        }
      }
    }
    for (String line : written.asyncGelf()) {
      JsonNode event = JSON.readTree(line);
      String full = text(event, "full_message");
      assertEquals(isError(event), full.startsWith("ERROR " + session.prefix()),
          () -> "GELF full_message of %p %m: " + line);
    }
    for (String template : written.templates()) {
      assertFalse(template.contains("openReplaySession"), () -> "the Message is untouched: " + template);
    }
  }

  private static void assertCarriesNothing(Written written) {
    for (List<String> lines : written.outputs()) {
      for (String line : lines) {
        JsonNode event = JSON.readTree(line);
        assertNull(key(event, TOKEN_KEY), () -> "no token key on " + line);
        assertNull(key(event, SESSION_ID_KEY), () -> "no session id key on " + line);
        assertFalse(line.contains("openReplaySession"), () -> "no prefix: " + line);
      }
    }
    written.templates().forEach(line -> assertFalse(line.contains("openReplaySession"), line));
  }

  /** JsonLayout's level, GELF's syslog severity. */
  private static boolean isError(JsonNode event) {
    JsonNode level = event.path("level");
    return "ERROR".equals(text(event, "level")) || level.isNumber() && level.intValue() == 3;
  }

  /** A key of the event's context data: JsonLayout's {@code contextMap}, GELF's {@code _key} fields. */
  private static String key(JsonNode event, String key) {
    String value = text(event.path("contextMap"), key);
    return value != null ? value : text(event, "_" + key);
  }

  /** The events without the prefix in their message fields and without the keys, as plain JSON text. */
  private static List<String> withoutToken(List<String> lines, Session session) {
    return lines.stream().map(line -> {
      ObjectNode event = (ObjectNode) JSON.readTree(line);
      for (String field : MESSAGE_FIELDS) {
        String text = text(event, field);
        if (text != null) {
          event.put(field, text.replace(session.prefix(), ""));
        }
      }
      for (String key : List.of(TOKEN_KEY, SESSION_ID_KEY)) {
        event.remove("_" + key);
        if (event.path("contextMap") instanceof ObjectNode data) {
          data.remove(key);
        }
      }
      return JSON.writeValueAsString(event);
    }).sorted().toList();
  }
}
