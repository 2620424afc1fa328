package io.openreplay.backend.dynatrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A Dynatrace that is down, refuses, or never answers costs the application nothing: logging calls return at once
 * (the queue is bounded, what does not fit is dropped and counted), retries are bounded, and stopping ends within its
 * flush bound. The bounds asserted are generous: they tell a hang from a return, not how fast it is.
 */
class DynatraceUnreachableTest {

  /** Far above the configured flush bound (1500 ms) plus the join after it. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(15);
  private static final Duration LOGGING_BOUND = Duration.ofSeconds(15);

  private static XmlLogback logback(String url) {
    String xml = "<configuration>\n"
        + "  <appender name=\"DYNATRACE\" class=\"io.openreplay.backend.dynatrace.DynatraceLogsAppender\">\n"
        + "    <url>${URL}</url>\n"
        + "    <apiToken>" + DynatraceReceiver.API_TOKEN + "</apiToken>\n"
        + "    <queueSize>50</queueSize>\n"
        + "    <batchSize>10</batchSize>\n"
        + "    <connectTimeoutMillis>1000</connectTimeoutMillis>\n"
        + "    <readTimeoutMillis>500</readTimeoutMillis>\n"
        + "    <maxRetries>2</maxRetries>\n"
        + "    <retryBackoffMillis>20</retryBackoffMillis>\n"
        + "    <flushTimeoutMillis>1500</flushTimeoutMillis>\n"
        + "  </appender>\n"
        + "  <root level=\"INFO\"><appender-ref ref=\"DYNATRACE\"/></root>\n"
        + "</configuration>\n";
    return XmlLogback.configure(xml, Map.of("URL", url));
  }

  /** Logs far more than the queue holds, stops, and returns the statuses logback was told. */
  private static String logAndStop(String url) {
    XmlLogback logback = logback(url);
    Logger log = logback.logger("shop.Down");
    assertTimeoutPreemptively(LOGGING_BOUND, () -> {
      for (int i = 0; i < 5000; i++) {
        log.error("dynatrace: record {}", i);
        log.info("dynatrace: info {}", i);
      }
    }, "logging calls never wait for Dynatrace");
    assertTimeoutPreemptively(STOP_BOUND, logback::close, "stop ends within its flush bound");
    return logback.statuses(Status.WARN);
  }

  @Test
  void connectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String warnings = logAndStop("http://127.0.0.1:" + port + "/api/v2/logs/ingest");
    assertTrue(warnings.contains("log records dropped"), warnings);
    assertTrue(warnings.contains("ConnectException"), warnings);
  }

  @Test
  void neverAnswering() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(server.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "never-answering");
      acceptor.setDaemon(true);
      acceptor.start();
      String warnings = logAndStop("http://127.0.0.1:" + server.getLocalPort() + "/api/v2/logs/ingest");
      assertTrue(warnings.contains("log records dropped"), warnings);
      assertTrue(warnings.contains("HttpTimeoutException") || warnings.contains("unsent at stop"), warnings);
      assertTrue(!held.isEmpty(), "the appender did connect");
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void answered429Or500IsRetriedABoundedNumberOfTimes() throws Exception {
    for (int status : new int[] {429, 500}) {
      try (DynatraceReceiver receiver = DynatraceReceiver.start()) {
        receiver.answerIngestWith(status);
        XmlLogback logback = logback(receiver.ingestUrl());
        logback.logger("shop.Refused").error("dynatrace: one record");
        assertTimeoutPreemptively(STOP_BOUND, logback::close);
        assertEquals(3, receiver.ingestRequests(), "sent once and retried twice (maxRetries 2) for " + status);
        String warnings = logback.statuses(Status.WARN);
        assertTrue(warnings.contains("1 log records dropped") && warnings.contains("HTTP " + status), warnings);
      }
    }
  }

  @Test
  void answered400IsNotSentAgain() throws Exception {
    try (DynatraceReceiver receiver = DynatraceReceiver.start()) {
      receiver.answerIngestWith(400);
      XmlLogback logback = logback(receiver.ingestUrl());
      logback.logger("shop.Refused").error("dynatrace: one record");
      assertTimeoutPreemptively(STOP_BOUND, logback::close);
      assertEquals(1, receiver.ingestRequests());
      assertTrue(logback.statuses(Status.WARN).contains("refused 1"), logback.statuses(Status.WARN));
    }
  }

  @Test
  void aWrongConfigurationIsToldAndTheAppenderDoesNotStart() {
    IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> logback("ftp://example"));
    assertTrue(error.getMessage().contains("<url> must be the ingest URL"), error.getMessage());
  }
}
