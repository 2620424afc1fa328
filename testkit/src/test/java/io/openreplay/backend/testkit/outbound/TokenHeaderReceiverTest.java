package io.openreplay.backend.testkit.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenHeaderReceiverTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void recordsTheHeaderValuesOfEachCallUnderEitherName() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      send(HttpRequest.newBuilder(URI.create(receiver.url("localhost", "/one")))
          .header("X-OpenReplay-SessionToken", "abc.def").build(), 200);
      send(HttpRequest.newBuilder(URI.create(receiver.url("127.0.0.1", "/two"))).build(), 200);
      send(HttpRequest.newBuilder(URI.create(receiver.url("127.0.0.1", "/three")))
          .header("X-OpenReplay-SessionToken", "a").header("x-openreplay-sessiontoken", "b").build(), 200);

      assertEquals("abc.def", receiver.awaitCall("/one").token());
      assertEquals("localhost:" + receiver.port(), receiver.awaitCall("/one").host());
      assertNull(receiver.awaitCall("/two").token());
      assertEquals(List.of("a", "b"), receiver.awaitCall("/three").tokens());
      assertThrows(AssertionError.class, () -> receiver.awaitCall("/three").token());
    }
  }

  @Test
  void aRedirectedPathAnswers302ToItsLocation() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      receiver.redirect("/from", "/to");
      HttpResponse<String> response = send(
          HttpRequest.newBuilder(URI.create(receiver.url("127.0.0.1", "/from"))).build(), 302);
      assertEquals("/to", response.headers().firstValue("Location").orElseThrow());
    }
  }

  private HttpResponse<String> send(HttpRequest request, int status) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode());
    return response;
  }
}
