package io.openreplay.backend.springweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.http.HttpMethod;

/**
 * Which redirects java.net.http's {@code HttpClient} follows, and how, as JDK 17's {@code RedirectFilter} and
 * {@code HttpRequestImpl.newInstanceForRedirection} have it, for {@link JdkRedirectHopsRequest}, which follows them in
 * its place: {@code 301}, {@code 302}, {@code 303}, {@code 307} and {@code 308} are followed (not {@code 300},
 * {@code 304}, {@code 305}, {@code 306} nor any other); the {@code Location} is resolved against the URI of the hop
 * that answered; at most {@code jdk.httpclient.redirects.retrylimit} minus one redirects (default 5, so 4) are
 * followed in one call, and the redirect answer after them is given to the caller as it is; every header of the
 * request goes along to every hop.
 */
final class JdkRedirectRules {

  /** The JDK's retry limit, read once as the JDK does (its default when the system property is not set). */
  static final int RETRY_LIMIT = Integer.getInteger("jdk.httpclient.redirects.retrylimit", 5);

  private JdkRedirectRules() {
  }

  /**
   * @param status an answer's status
   * @return whether the JDK follows it (when its policy is not {@code NEVER})
   */
  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * @param status the redirect's status
   * @param method the method of the hop that was redirected
   * @return the method of the next hop: {@code GET} after a {@code 303}, and after a {@code 301} or {@code 302} to a
   *     {@code POST}; else the same
   */
  static HttpMethod nextMethod(int status, HttpMethod method) {
    if (status == 303 || ((status == 301 || status == 302) && HttpMethod.POST.equals(method))) {
      return HttpMethod.GET;
    }
    return method;
  }

  /**
   * @param status the redirect's status
   * @param method the method of the hop that was redirected
   * @return whether the next hop sends the same body again: when its method stays and the status is not {@code 303}
   */
  static boolean keepsBody(int status, HttpMethod method) {
    return status != 303 && nextMethod(status, method).equals(method);
  }

  /**
   * @param from the URI of the hop that answered
   * @param location its {@code Location} header, {@code null} when it had none
   * @return where the redirect points
   * @throws UncheckedIOException with the JDK's {@code IOException("Invalid redirection")} when there is no
   *     {@code Location}
   */
  static URI target(URI from, String location) {
    if (location == null) {
      throw new UncheckedIOException(new IOException("Invalid redirection"));
    }
    return from.resolve(URI.create(location));
  }

  /**
   * @param policy the client's redirect policy
   * @param from the URI of the hop that answered
   * @param to where the redirect points
   * @return whether the policy follows it: {@code ALWAYS} any, {@code NORMAL} one to the same scheme or to
   *     {@code https}, {@code NEVER} none
   */
  static boolean follows(HttpClient.Redirect policy, URI from, URI to) {
    return switch (policy) {
      case ALWAYS -> true;
      case NEVER -> false;
      case NORMAL -> to.getScheme().equalsIgnoreCase(from.getScheme()) || to.getScheme().equalsIgnoreCase("https");
    };
  }
}
