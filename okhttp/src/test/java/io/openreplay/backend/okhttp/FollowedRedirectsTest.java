package io.openreplay.backend.okhttp;

import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient.RedirectCall;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * OkHttp, which follows redirects by default, with the interceptor: as a network interceptor it judges each hop (the
 * listed hops carry the token, the hop off the list does not); as an application interceptor, which runs once per
 * call before OkHttp follows its redirects, it adds nothing. The hops and the final answer are those without it.
 */
class FollowedRedirectsTest {

  private static final OkHttpClient BASE = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();

  @Test
  void asANetworkInterceptorItJudgesEachHop() throws Exception {
    RedirectPropagationCheck.run(hosts -> call(hosts == null ? BASE
        : BASE.newBuilder().addNetworkInterceptor(new OpenReplayInterceptor(hosts)).build()));
  }

  @Test
  void asAnApplicationInterceptorItAddsNothing() throws Exception {
    RedirectPropagationCheck.runWithheld(hosts -> call(hosts == null ? BASE
        : BASE.newBuilder().addInterceptor(new OpenReplayInterceptor(hosts)).build()));
  }

  private static RedirectCall call(OkHttpClient client) {
    return url -> {
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        return response.code() + " " + response.body().string();
      }
    };
  }
}
