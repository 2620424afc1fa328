package io.openreplay.backend.testkit.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The loopback server and the body helpers, over a real socket with the JDK's HTTP client. */
class LoopbackHttpServerTest {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Answers with the decoded body and the serving thread, or 400 when the body cannot be decoded. */
  private static LoopbackHttpServer startEchoServer() throws IOException {
    return LoopbackHttpServer.start("echo-receiver", 1, exchange -> {
      try (exchange) {
        String body;
        try (InputStream in = HttpBodies.decodedRequestBody(exchange)) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          HttpBodies.respond(exchange, 400, "text/plain", e.getMessage());
          return;
        }
        Thread thread = Thread.currentThread();
        HttpBodies.respond(exchange, 200, "text/plain",
            body + " on " + thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
      }
    });
  }

  private HttpResponse<String> post(LoopbackHttpServer server, String encoding, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/any/path"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void servesEveryPathOnLoopbackWithNamedDaemonThreadsAndDecodesTheBody() throws Exception {
    try (LoopbackHttpServer server = startEchoServer()) {
      assertEquals("http://127.0.0.1:" + server.port(), server.baseUrl());

      HttpResponse<String> plain = post(server, null, "plain".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, plain.statusCode());
      assertEquals("plain on echo-receiver (daemon)", plain.body());
      assertEquals("text/plain", plain.headers().firstValue("Content-Type").orElse(null));

      assertEquals("zipped on echo-receiver (daemon)", post(server, "gzip", gzip("zipped")).body());
      assertEquals("same on echo-receiver (daemon)",
          post(server, "identity", "same".getBytes(StandardCharsets.UTF_8)).body());

      HttpResponse<String> unknown = post(server, "br", "x".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, unknown.statusCode());
      assertEquals("unknown Content-Encoding br", unknown.body());
    }
  }

  @Test
  void closedServerRefusesConnections() throws Exception {
    LoopbackHttpServer server = startEchoServer();
    server.close();

    assertThrows(ConnectException.class, () -> post(server, null, "late".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesFewerThanOneThread() {
    assertThrows(IllegalArgumentException.class, () -> LoopbackHttpServer.start("none", 0, exchange -> { }));
  }
}
