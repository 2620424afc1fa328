package io.openreplay.backend.httpclient5;

import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
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
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 5, which follows redirects by default, with the interceptor: every hop is judged, so the listed
 * hops carry the token, the hop off the list does not, and the hops and the final answer are those without it.
 */
class FollowedRedirectsTest {

  private static final List<AutoCloseable> CLIENTS = new CopyOnWriteArrayList<>();

  @AfterAll
  static void closeClients() throws Exception {
    for (AutoCloseable client : CLIENTS) {
      client.close();
    }
  }

  @Test
  void theClassicClientJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(new RedirectingClient() {
      @Override
      public RedirectCall without() {
        return classic(HttpClients.custom());
      }

      @Override
      public RedirectCall with(OutboundHosts hosts) {
        return classic(HttpClients.custom().addRequestInterceptorLast(new OpenReplayRequestInterceptor(hosts)));
      }
    });
  }

  @Test
  void theAsyncClientJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(new RedirectingClient() {
      @Override
      public RedirectCall without() {
        return async(HttpAsyncClients.custom());
      }

      @Override
      public RedirectCall with(OutboundHosts hosts) {
        OpenReplayRequestInterceptor openReplay = new OpenReplayRequestInterceptor(hosts);
        return async(HttpAsyncClients.custom().addExecInterceptorFirst("openreplay", openReplay)
            .addRequestInterceptorLast(openReplay));
      }
    });
  }

  private static RedirectingClient.RedirectCall classic(HttpClientBuilder builder) {
    CloseableHttpClient client = builder.build();
    CLIENTS.add(client);
    return url -> client.execute(new HttpGet(url),
        response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
  }

  private static RedirectingClient.RedirectCall async(HttpAsyncClientBuilder builder) {
    CloseableHttpAsyncClient client = builder.build();
    client.start();
    CLIENTS.add(() -> client.close(CloseMode.IMMEDIATE));
    return url -> {
      SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(url).build(), null)
          .get(10, TimeUnit.SECONDS);
      return response.getCode() + " " + response.getBodyText();
    };
  }
}
