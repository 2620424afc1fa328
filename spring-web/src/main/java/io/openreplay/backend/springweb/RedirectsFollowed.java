package io.openreplay.backend.springweb;

import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Which redirects the client under a request factory follows without OpenReplay judging the hop, and so which calls
 * {@link OpenReplayClientHttpRequestInterceptor} may put the token header on: such a client copies a request's
 * headers to wherever a redirect points, and the interceptor, which runs once per call before the client sends it,
 * cannot take the header off again.
 */
public enum RedirectsFollowed {

  /**
   * None: the client follows no redirect ({@code HttpClient.Redirect.NEVER}, Spring Boot's
   * {@code spring.http.client.redirects=dont-follow}), so every call goes to its own host only; the interceptor adds
   * the header to every call to a listed host.
   */
  NONE,

  /**
   * Those of {@code GET} calls: {@link SimpleClientHttpRequestFactory}, whose {@code HttpURLConnection} follows the
   * redirects of {@code GET} only; the interceptor adds the header to the other calls.
   */
  GET,

  /**
   * All, or unknown: the interceptor adds the header to no call. For Apache HttpClient 5 the client itself judges
   * each hop when it has openreplay-apache-httpclient5's {@code OpenReplayRequestInterceptor}; for java.net.http,
   * {@code OpenReplayHttpClient} of openreplay-java-http-client adds it where the client follows no redirect.
   */
  ALL;

  /**
   * What the client of a request factory follows, as far as it can be told from the factory: {@link #GET} for a
   * {@link SimpleClientHttpRequestFactory}, {@link #ALL} for any other (an Apache HttpClient, Jetty or Reactor Netty
   * client follows redirects by default, and the {@code HttpClient} of a {@code JdkClientHttpRequestFactory} does
   * not show its setting). Pass {@link #NONE} yourself for a factory whose client follows no redirect.
   *
   * @param requestFactory the factory the interceptor is put in front of
   * @return the redirects it follows
   */
  public static RedirectsFollowed by(ClientHttpRequestFactory requestFactory) {
    return Objects.requireNonNull(requestFactory, "requestFactory") instanceof SimpleClientHttpRequestFactory
        ? GET : ALL;
  }

  /**
   * Whether a call goes only to the host it names, so a header added to it reaches no other.
   *
   * @param method the call's method
   * @return {@code true} when the client follows no redirect of that method
   */
  public boolean keepsToItsHost(HttpMethod method) {
    return this == NONE || (this == GET && !HttpMethod.GET.equals(method));
  }
}
