package io.openreplay.backend.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundClient;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class OpenReplayInterceptorTest {

  private static final OkHttpClient BASE = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();

  @Test
  void runsOnTheOkHttpOfThisTestExecution() throws ReflectiveOperationException {
    // Read at run time: the constant of the OkHttp the tests were compiled against would be inlined.
    assertEquals(System.getProperty("openreplay.okhttp.version"), OkHttp.class.getField("VERSION").get(null));
  }

  @Test
  void executeCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new OkHttpCalls());
  }

  @Test
  void enqueueCarriesTheTokenTheRequestIsTaggedWith() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      OkHttpClient client = BASE.newBuilder()
          .addNetworkInterceptor(new OpenReplayInterceptor(OutboundHosts.of("localhost:" + receiver.port()))).build();
      SessionToken token = SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow();
      enqueue(client, new Request.Builder().url(receiver.url("localhost", "/tagged"))
          .tag(SessionToken.class, token).build());
      enqueue(client, new Request.Builder().url(receiver.url("127.0.0.1", "/tagged-other-host"))
          .tag(SessionToken.class, token).build());
      assertEquals(List.of(OutboundPropagationCheck.TOKEN), receiver.awaitCall("/tagged").tokens());
      assertEquals(List.of(), receiver.awaitCall("/tagged-other-host").tokens());
    }
  }

  private static void enqueue(OkHttpClient client, Request request) throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        body.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) throws IOException {
        try (ResponseBody responseBody = response.body()) {
          body.complete(responseBody.string());
        }
      }
    });
    assertEquals("ok", body.get(10, TimeUnit.SECONDS));
  }

  /** GETs through OkHttp with the interceptor as a network interceptor. */
  private static final class OkHttpCalls implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      OpenReplayInterceptor interceptor = hosts == null ? new OpenReplayInterceptor() : new OpenReplayInterceptor(hosts);
      OkHttpClient client = BASE.newBuilder().addNetworkInterceptor(interceptor).build();
      return (url, ownHeader) -> {
        Request.Builder request = new Request.Builder().url(url);
        if (ownHeader != null) {
          request.header("X-OpenReplay-SessionToken", ownHeader);
        }
        try (Response response = client.newCall(request.build()).execute()) {
          assertEquals("ok", response.body().string());
        }
      };
    }
  }
}
