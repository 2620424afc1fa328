package io.openreplay.backend.testkit.datadog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatadogReceiverTest {

  private static final String ID = "2618307011354435587";
  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String PREFIX = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + ID + "] ";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private DatadogReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = DatadogReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> post(String path, String apiKey, byte[] body, boolean gzip) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      request.header("DD-API-KEY", apiKey);
    }
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHttpIntakeIndexesReservedAttributesAndTheLookupsFindTheError() throws Exception {
    long from = System.currentTimeMillis() - 1_000;
    String body = "[{\"message\":\"" + PREFIX + "payment failed\",\"status\":\"error\",\"service\":\"shop\","
        + "\"ddsource\":\"java\",\"hostname\":\"web-1\",\"ddtags\":\"env:prod,team:pay\",\"logger\":\"Checkout\"},"
        + "{\"message\":\"" + PREFIX + "cart shown\",\"status\":\"info\"},"
        + "{\"message\":\"[openReplaySession.id=1] other session\",\"status\":\"error\"}]";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(202, post("/api/v2/logs?ddtags=region:eu", DatadogReceiver.API_KEY, zipped.toByteArray(), true)
        .statusCode());
    assertEquals(202, post("/api/v2/logs", DatadogReceiver.API_KEY,
        ("{\"message\":\"" + PREFIX + "object body\",\"level\":\"ERROR\"}").getBytes(StandardCharsets.UTF_8), false)
        .statusCode());

    List<DatadogLog> logs = receiver.logs();
    assertEquals(4, logs.size());
    DatadogLog first = logs.get(0);
    assertEquals("error", first.status());
    assertEquals("shop", first.service());
    assertEquals("web-1", first.host());
    assertEquals("java", first.source());
    assertEquals(List.of("env:prod", "team:pay", "region:eu"), first.tags());
    assertEquals("Checkout", first.attributeText("logger"));

    List<DatadogG2Lookup.Shown> shown = DatadogG2Lookup.of(receiver).find(ID);
    assertEquals(List.of(PREFIX + "payment failed", PREFIX + "cart shown", PREFIX + "object body"),
        shown.stream().map(DatadogG2Lookup.Shown::content).toList());
    assertEquals(List.of("ERROR", "INFO", "ERROR"), shown.stream().map(DatadogG2Lookup.Shown::status).toList());

    List<DatadogG1Lookup.Found> found = DatadogG1Lookup.of(receiver).find(from, System.currentTimeMillis() + 1_000);
    assertEquals(2, found.size(), () -> "the two errors with a token: " + found);
    found.forEach(f -> assertEquals(TOKEN, f.token()));
    assertEquals(List.of(), receiver.problems());
  }

  @Test
  void wrongKeysAndBadBodiesAreRefused() throws Exception {
    assertEquals(403, post("/api/v2/logs", "wrong", "{}".getBytes(StandardCharsets.UTF_8), false).statusCode());
    assertEquals(403, post("/api/v2/logs", null, "{}".getBytes(StandardCharsets.UTF_8), false).statusCode());
    assertEquals(400, post("/api/v2/logs", DatadogReceiver.API_KEY, "not json".getBytes(StandardCharsets.UTF_8),
        false).statusCode());
    assertEquals(403, post("/api/v2/logs/events/search", DatadogReceiver.API_KEY,
        "{}".getBytes(StandardCharsets.UTF_8), false).statusCode(), "no application key");
    assertEquals(List.of(), receiver.logs());
    assertEquals(4, receiver.problems().size(), () -> receiver.problems().toString());
  }

  @Test
  void theG2SearchWindowIsTheLastFifteenMinutesByDefault() throws Exception {
    long old = System.currentTimeMillis() - Duration.ofMinutes(16).toMillis();
    assertEquals(202, post("/api/v2/logs", DatadogReceiver.API_KEY, ("{\"message\":\"{\\\"message\\\":\\\"" + PREFIX
        + "late\\\",\\\"@timestamp\\\":" + old + "}\"}").getBytes(StandardCharsets.UTF_8), false).statusCode());
    assertEquals(1, receiver.logs().size());
    assertEquals(List.of(), DatadogG2Lookup.of(receiver).find(ID),
        "OpenReplay sends no filter.from, so a log older than 15 minutes is not shown");
  }

  @Test
  void theTcpIntakeTakesKeyPrefixedJsonLines() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.tcpPort());
         OutputStream out = socket.getOutputStream()) {
      out.write((DatadogReceiver.API_KEY + " {\"message\":\"" + PREFIX + "payment failed\",\"level\":\"ERROR\"}\n"
          + "wrong-key {\"message\":\"dropped\"}\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertEquals(1, receiver.awaitLogs(log -> true, 1, WAIT).size());
    }
    DatadogLog log = receiver.logs().get(0);
    assertEquals(PREFIX + "payment failed", log.message());
    assertEquals("error", log.status());
    assertEquals(1, DatadogG2Lookup.of(receiver).find(ID).size());
    assertEquals(1, receiver.problems().size(), () -> receiver.problems().toString());
  }

  @Test
  void theAgentTailShipsJsonAndPlainLines(@TempDir Path folder) throws Exception {
    Path json = folder.resolve("app.json");
    Files.writeString(json, "{\"@timestamp\":\"2030-01-01T00:00:00.000+01:00\",\"message\":\"" + PREFIX
        + "payment failed\",\"level\":\"ERROR\",\"logger_name\":\"shop.Checkout\"}\n{\"message\":\"partial");
    DatadogAgentTail jsonTail = DatadogAgentTail.of(json, receiver, "shop", "java");
    assertEquals(1, jsonTail.shipNewLines(), "the unfinished line waits");
    Files.writeString(json, "\",\"level\":\"INFO\"}\n", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(1, jsonTail.shipNewLines());
    assertEquals(0, jsonTail.shipNewLines());

    Path plain = folder.resolve("app.log");
    Files.writeString(plain, "2024-01-24 04:27:39 ERROR Checkout:42 - " + PREFIX + "payment failed\n"
        + "java.lang.IllegalStateException: declined\n\tat shop.Checkout.pay(Checkout.java:42)\n"
        + "2024-01-24 04:27:40 INFO  Checkout:43 - done\n");
    DatadogAgentTail.of(plain, receiver, "shop", "java")
        .withMultiLine(Pattern.compile("\\d{4}-(0?[1-9]|1[012])-(0?[1-9]|[12][0-9]|3[01])")).shipNewLines();
    Path bare = folder.resolve("console.log");
    Files.writeString(bare, PREFIX + "a bare line\n");
    DatadogAgentTail.of(bare, receiver, "shop", "java").shipNewLines();

    List<DatadogLog> logs = receiver.logs();
    assertEquals(5, logs.size(), () -> logs.toString());
    assertEquals("error", logs.get(0).status());
    assertEquals("shop.Checkout", logs.get(0).attributeText("logger_name"));
    assertEquals(PREFIX + "payment failed", logs.get(0).message());
    assertEquals(java.time.Instant.parse("2029-12-31T23:00:00Z"), logs.get(0).timestamp());
    assertEquals("info", logs.get(1).status());
    assertEquals("error", logs.get(2).status(), "the Java pipeline reads the level of a plain line");
    assertTrue(logs.get(2).message().contains("IllegalStateException"), "the stack trace joins its line");
    assertEquals("info", logs.get(3).status());
    assertEquals("info", logs.get(4).status(), "a line without date and level stays info");
    assertEquals("{}", logs.get(4).attributes().toString(), "a plain line has no attributes of its own");
    assertEquals(List.of(), receiver.problems());
  }
}
