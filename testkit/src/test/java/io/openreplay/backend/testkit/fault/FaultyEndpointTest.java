package io.openreplay.backend.testkit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class FaultyEndpointTest {

  private static HttpURLConnection post(FaultyEndpoint endpoint, int readTimeoutMillis) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint.baseUrl() + "/any/path").toURL()
        .openConnection();
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setDoOutput(true);
    connection.setRequestMethod("POST");
    try (OutputStream out = connection.getOutputStream()) {
      out.write("{}".getBytes());
    }
    return connection;
  }

  @Test
  void refusedHasNothingListening() throws IOException {
    try (FaultyEndpoint endpoint = FaultyEndpoint.start(Fault.REFUSED, 200, "{}")) {
      assertThrows(ConnectException.class, () -> post(endpoint, 1000));
      assertEquals(0, endpoint.attempts());
    }
  }

  @Test
  void neverAnsweringAcceptsAndKeepsSilent() throws IOException {
    try (FaultyEndpoint endpoint = FaultyEndpoint.start(Fault.NEVER_ANSWERS, 200, "{}")) {
      HttpURLConnection connection = post(endpoint, 300);
      assertThrows(SocketTimeoutException.class, connection::getResponseCode);
      assertEquals(1, endpoint.attempts());
    }
  }

  @Test
  void serverErrorAndThrottledAnswerAtOnce() throws IOException {
    try (FaultyEndpoint down = FaultyEndpoint.start(Fault.SERVER_ERROR, 200, "{}");
         FaultyEndpoint throttled = FaultyEndpoint.start(Fault.THROTTLED, 200, "{}")) {
      assertEquals(503, post(down, 5000).getResponseCode());
      HttpURLConnection limited = post(throttled, 5000);
      assertEquals(429, limited.getResponseCode());
      assertEquals("1", limited.getHeaderField("Retry-After"));
      assertEquals(1, down.attempts());
      assertEquals(1, throttled.attempts());
    }
  }

  @Test
  void slowAnswersLaterThanAShortReadTimeout() throws IOException {
    try (FaultyEndpoint endpoint = FaultyEndpoint.start(Fault.SLOW, 200, "{}")) {
      HttpURLConnection connection = post(endpoint, 300);
      assertThrows(SocketTimeoutException.class, connection::getResponseCode, "not answered within 300 ms");
      assertEquals(1, endpoint.attempts());
    }
  }
}
