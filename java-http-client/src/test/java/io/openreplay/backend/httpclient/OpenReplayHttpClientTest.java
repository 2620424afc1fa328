package io.openreplay.backend.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundClient;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenReplayHttpClientTest {

  private static final HttpClient JDK_CLIENT = HttpClient.newHttpClient();

  @Test
  void sendCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(clientOf((client, request) -> {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals("ok", response.body());
    }));
  }

  @Test
  void sendAsyncCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(clientOf((client, request) ->
        assertEquals("ok", client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().body())));
  }

  @Test
  void aClientThatFollowsRedirectsSendsNoHeaderAtAll() throws Exception {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      HttpClient client = OpenReplayHttpClient.wrap(following, OutboundHosts.of("localhost:" + receiver.port()));
      receiver.redirect("/hop", receiver.url("127.0.0.1", "/landing"));
      try (ContextScope scope = OpenReplayContext.attach(
          SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow())) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(receiver.url("localhost", "/hop"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("ok", response.body());
      }
      assertEquals(List.of(), receiver.awaitCall("/hop").tokens());
      assertEquals(List.of(), receiver.awaitCall("/landing").tokens());
    }
  }

  @Test
  void theWrapperAnswersWithTheWrappedClientsSettings() {
    HttpClient wrapped = OpenReplayHttpClient.wrap(JDK_CLIENT);
    assertEquals(JDK_CLIENT.version(), wrapped.version());
    assertEquals(JDK_CLIENT.followRedirects(), wrapped.followRedirects());
    assertEquals(JDK_CLIENT.connectTimeout(), wrapped.connectTimeout());
    assertEquals(JDK_CLIENT.sslContext(), wrapped.sslContext());
  }

  private static OutboundClient clientOf(Send send) {
    return hosts -> {
      HttpClient client = hosts == null ? OpenReplayHttpClient.wrap(JDK_CLIENT)
          : OpenReplayHttpClient.wrap(JDK_CLIENT, hosts);
      return (url, ownHeader) -> {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (ownHeader != null) {
          request.header("X-OpenReplay-SessionToken", ownHeader);
        }
        send.send(client, request.build());
      };
    };
  }

  @FunctionalInterface
  private interface Send {
    void send(HttpClient client, HttpRequest request) throws Exception;
  }
}
