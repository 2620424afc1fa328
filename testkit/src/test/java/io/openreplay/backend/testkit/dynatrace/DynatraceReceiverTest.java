package io.openreplay.backend.testkit.dynatrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP, and OpenReplay's lookup against it. */
class DynatraceReceiverTest {

  private static final String ID = "2618307011354435587";

  private DynatraceReceiver receiver;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    receiver = DynatraceReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> ingest(String token, String json) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(receiver.ingestUrl()))
        .header("Authorization", "Api-Token " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String record(String status, String id, String content) {
    long now = Instant.now().toEpochMilli();
    return "{\"content\":\"" + content + "\",\"status\":\"" + status + "\",\"timestamp\":" + now
        + (id == null ? "" : ",\"openReplaySession.id\":\"" + id + "\"") + ",\"nested\":{\"a\":1}}";
  }

  @Test
  void ingestKeepsRecordsAsDynatraceDoes() throws Exception {
    assertEquals(204, ingest(DynatraceReceiver.API_TOKEN, "[" + record("error", ID, "boom") + "]").statusCode());
    DynatraceLogRecord kept = receiver.records().get(0);
    assertEquals("boom", kept.content());
    assertEquals("ERROR", kept.loglevel());
    assertEquals("ERROR", kept.status());
    assertEquals(ID, kept.attribute("openReplaySession.id"));
    assertEquals("1", kept.attribute("nested.a"), "nested objects flattened with dots, values strings");
    assertEquals(null, kept.attribute("status"), "the severity key is the level, not an attribute");
  }

  @Test
  void ingestRefusesAWrongTokenAndBadBodies() throws Exception {
    assertEquals(401, ingest("wrong", record("ERROR", ID, "x")).statusCode());
    assertEquals(400, ingest(DynatraceReceiver.API_TOKEN, "not json").statusCode());
    assertEquals(400, ingest(DynatraceReceiver.API_TOKEN, "[]").statusCode());
    assertEquals(List.of(), receiver.records());
    assertEquals(3, receiver.problems().size());
    receiver.answerIngestWith(429);
    assertEquals(429, ingest(DynatraceReceiver.API_TOKEN, record("ERROR", ID, "x")).statusCode());
    assertEquals(List.of(), receiver.records());
  }

  @Test
  void openReplaysLookupFindsTheSessionsErrorsAndWarningsOnly() throws Exception {
    ingest(DynatraceReceiver.API_TOKEN, "[" + String.join(",", record("ERROR", ID, "found error"),
        record("WARN", ID, "found warning"), record("ERROR", "1234", "other session"),
        record("INFO", ID, "info"), record("ERROR", null, "no attribute")) + "]");
    List<DynatraceShownLog> shown = DynatraceLookup.of(receiver).forSession(ID);
    assertEquals(Set.of("found error", "found warning"),
        Set.copyOf(shown.stream().map(DynatraceShownLog::content).toList()));
    assertEquals(Set.of("error", "warn"), Set.copyOf(shown.stream().map(DynatraceShownLog::status).toList()));
    assertEquals(ID, shown.get(0).attribute("openReplaySession.id").orElseThrow());
    assertEquals(List.of(), DynatraceLookup.of(receiver).forSession("1234").stream()
        .filter(log -> !log.content().equals("other session")).toList());
    assertEquals(List.of(), DynatraceLookup.of(receiver).forSession("999"), "nothing for an unknown session");
    assertEquals(List.of(), receiver.problems());
  }

  @Test
  void searchNeedsTheTokenOpenReplayAsksFirst() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
        URI.create(receiver.environmentUrl() + "/api/v2/logs/search?limit=1000&query=status%3D%22ERROR%22"))
        .header("Authorization", "Bearer made.up").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode());
    DynatraceLookup wrongSecret = new DynatraceLookup(receiver.tokenUrl(), receiver.environmentUrl(),
        DynatraceReceiver.CLIENT_ID, "wrong", DynatraceReceiver.RESOURCE);
    IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> wrongSecret.forSession(ID));
    assertTrue(refused.getMessage().contains("empty access token"), refused.getMessage());
  }

  @Test
  void openReplaysRequestsAreEncodedAsGoEncodesThem() {
    assertEquals("limit=1000&query=%28status%3D%22WARN%22+OR+status%3D%22ERROR%22%29+AND+openReplaySession.id%3D42",
        DynatraceLookup.encode(new java.util.TreeMap<>(Map.of("query", DynatraceLookup.QUERY_PREFIX + "42",
            "limit", "1000"))));
  }

  @Test
  void oneAgentShipsDeclaredCustomAttributesOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.json");
    String line = "{\"@timestamp\":\"" + Instant.now() + "\",\"message\":\"checkout failed\",\"level\":\"ERROR\","
        + "\"openReplaySession.id\":\"" + ID + "\",\"openReplaySessionToken\":\"jw4w.3az\",\"logger_name\":\"a\"}\n";
    Files.writeString(file, line + "{\"message\":\"partial");
    OneAgentJsonLogFile declared = new OneAgentJsonLogFile(file, Set.of("openReplaySession.id"));
    assertEquals(1, declared.shipNewLines(receiver), "the complete line only");
    assertEquals(0, declared.shipNewLines(receiver));
    DynatraceLogRecord kept = receiver.records().get(0);
    assertEquals("checkout failed", kept.content());
    assertEquals("ERROR", kept.status());
    assertEquals(ID, kept.attribute("openReplaySession.id"));
    assertEquals(null, kept.attribute("openReplaySessionToken"), "not declared: not an attribute");
    assertEquals(null, kept.attribute("logger_name"));
    assertEquals(1, DynatraceLookup.of(receiver).forSession(ID).size());

    receiver.clear();
    new OneAgentJsonLogFile(file, Set.of()).shipNewLines(receiver);
    assertEquals(null, receiver.records().get(0).attribute("openReplaySession.id"));
    assertEquals(List.of(), DynatraceLookup.of(receiver).forSession(ID), "undeclared: OpenReplay finds nothing");
  }
}
