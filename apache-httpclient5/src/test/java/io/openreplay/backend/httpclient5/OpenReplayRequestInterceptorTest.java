package io.openreplay.backend.httpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundClient;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient.RedirectCall;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OpenReplayRequestInterceptorTest {

  private static final List<AutoCloseable> CLIENTS = new CopyOnWriteArrayList<>();

  @AfterAll
  static void closeClients() throws Exception {
    for (AutoCloseable client : CLIENTS) {
      client.close();
    }
  }

  @Test
  void theClassicClientCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new Classic());
  }

  @Test
  void theClassicClientJudgesEachHopOfTheRedirectsItFollows() throws Exception {
    RedirectPropagationCheck.run(hosts -> classic(hosts == null ? HttpClients.custom()
        : HttpClients.custom().addRequestInterceptorLast(new OpenReplayRequestInterceptor(hosts))));
  }

  @Test
  void theAsyncClientCarriesTheTokenToListedHostsOnly() throws Exception {
    OutboundPropagationCheck.run(new Async());
  }

  @Test
  void theAsyncClientJudgesEachHopOfTheRedirectsItFollows() throws Exception {
    RedirectPropagationCheck.run(hosts -> {
      if (hosts == null) {
        return async(HttpAsyncClients.custom());
      }
      OpenReplayRequestInterceptor openReplay = new OpenReplayRequestInterceptor(hosts);
      return async(HttpAsyncClients.custom().addExecInterceptorFirst("openreplay", openReplay)
          .addRequestInterceptorLast(openReplay));
    });
  }

  @Test
  void anAsyncContextUsedForSeveralCallsCarriesEachCallsOwnToken() throws Exception {
    try (TokenHeaderReceiver receiver = TokenHeaderReceiver.start()) {
      OpenReplayRequestInterceptor openReplay = interceptor(OutboundHosts.of("localhost:" + receiver.port()));
      CloseableHttpAsyncClient client = HttpAsyncClients.custom().addExecInterceptorFirst("openreplay", openReplay)
          .addRequestInterceptorLast(openReplay).build();
      client.start();
      CLIENTS.add(() -> client.close(CloseMode.IMMEDIATE));
      HttpClientContext shared = HttpClientContext.create();
      SessionToken token = SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow();
      try (ContextScope scope = OpenReplayContext.attach(token)) {
        client.execute(SimpleRequestBuilder.get(receiver.url("localhost", "/first")).build(), shared, null)
            .get(10, TimeUnit.SECONDS);
      }
      client.execute(SimpleRequestBuilder.get(receiver.url("localhost", "/second")).build(), shared, null)
          .get(10, TimeUnit.SECONDS);
      assertEquals(List.of(OutboundPropagationCheck.TOKEN), receiver.awaitCall("/first").tokens());
      assertEquals(List.of(), receiver.awaitCall("/second").tokens());
    }
  }

  /** A GET through a classic client, answering its final status and body. */
  private static RedirectCall classic(HttpClientBuilder builder) {
    CloseableHttpClient client = builder.build();
    CLIENTS.add(client);
    return url -> client.execute(new HttpGet(url),
        response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
  }

  /** A GET through an async client, answering its final status and body. */
  private static RedirectCall async(HttpAsyncClientBuilder builder) {
    CloseableHttpAsyncClient client = builder.build();
    client.start();
    CLIENTS.add(() -> client.close(CloseMode.IMMEDIATE));
    return url -> {
      SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(url).build(), null)
          .get(10, TimeUnit.SECONDS);
      return response.getCode() + " " + response.getBodyText();
    };
  }

  private static OpenReplayRequestInterceptor interceptor(OutboundHosts hosts) {
    return hosts == null ? new OpenReplayRequestInterceptor() : new OpenReplayRequestInterceptor(hosts);
  }

  /** Apache HttpClient 5's classic client. */
  private static final class Classic implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      CloseableHttpClient client = HttpClients.custom().addRequestInterceptorLast(interceptor(hosts)).build();
      CLIENTS.add(client);
      return (url, ownHeader) -> {
        HttpGet get = new HttpGet(url);
        if (ownHeader != null) {
          get.addHeader("X-OpenReplay-SessionToken", ownHeader);
        }
        assertEquals("ok", client.execute(get, response -> EntityUtils.toString(response.getEntity())));
      };
    }
  }

  /** Apache HttpClient 5's async client, with the interceptor first in its exec chain too. */
  private static final class Async implements OutboundClient {

    @Override
    public OutboundCall with(OutboundHosts hosts) {
      OpenReplayRequestInterceptor openReplay = interceptor(hosts);
      CloseableHttpAsyncClient client = HttpAsyncClients.custom().addExecInterceptorFirst("openreplay", openReplay)
          .addRequestInterceptorLast(openReplay).build();
      client.start();
      CLIENTS.add(() -> client.close(CloseMode.IMMEDIATE));
      return (url, ownHeader) -> {
        SimpleRequestBuilder get = SimpleRequestBuilder.get(url);
        if (ownHeader != null) {
          get.addHeader("X-OpenReplay-SessionToken", ownHeader);
        }
        SimpleHttpResponse response = client.execute(get.build(), null).get(10, TimeUnit.SECONDS);
        assertEquals("ok", response.getBodyText());
      };
    }
  }
}
