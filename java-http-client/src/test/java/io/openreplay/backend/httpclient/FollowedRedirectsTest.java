package io.openreplay.backend.httpclient;

import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A JDK {@code HttpClient} that follows redirects, wrapped: the JDK would copy the header to wherever a redirect
 * points, so no hop gets it, and the hops and the final answer are those of the client alone.
 */
class FollowedRedirectsTest {

  @Test
  void aClientThatFollowsRedirectsSendsTheHeaderToNoHop() throws Exception {
    for (HttpClient.Redirect redirect : new HttpClient.Redirect[] {HttpClient.Redirect.NORMAL,
        HttpClient.Redirect.ALWAYS}) {
      HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();
      RedirectPropagationCheck.runWithheld(hosts -> {
        HttpClient client = hosts == null ? following : OpenReplayHttpClient.wrap(following, hosts);
        return url -> {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
          return response.statusCode() + " " + response.body();
        };
      });
    }
  }
}
