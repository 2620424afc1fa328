package io.openreplay.backend.springweb;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One call through {@link JdkRedirectHopsRequestFactory}: sent as a request of the factory under it, whose
 * java.net.http client follows no redirects, and each redirect its policy would follow sent on by this request in
 * the client's place, as {@link JdkRedirectRules} has it: the same hops, methods, bodies and headers, and the same
 * final answer. Only {@value OutboundHeader#NAME} is judged for each hop on its own: the token of the request being
 * served goes to the hops whose host the allow-list holds, and is taken off the others. A header the application set
 * to a value of its own is left alone, on every hop, as the client would have it.
 *
 * <p>The body is held in memory, to be sent again on a {@code 307} or {@code 308}.
 */
final class JdkRedirectHopsRequest extends AbstractClientHttpRequest {

  private final ClientHttpRequestFactory hops;
  private final HttpClient.Redirect policy;
  private final OutboundHosts hosts;
  private final URI uri;
  private final HttpMethod method;
  private ByteArrayOutputStream body;

  /**
   * @param hops the factory that sends each hop, on a client that follows no redirects
   * @param policy the redirects to follow in the client's place
   * @param hosts the hosts the token may go to
   * @param uri the call's URI
   * @param method the call's method
   */
  JdkRedirectHopsRequest(ClientHttpRequestFactory hops, HttpClient.Redirect policy, OutboundHosts hosts, URI uri,
      HttpMethod method) {
    this.hops = hops;
    this.policy = policy;
    this.hosts = hosts;
    this.uri = uri;
    this.method = method;
  }

  @Override
  public HttpMethod getMethod() {
    return method;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  protected OutputStream getBodyInternal(HttpHeaders headers) {
    if (body == null) {
      body = new ByteArrayOutputStream();
    }
    return body;
  }

  @Override
  protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
    SessionToken token = OpenReplayContext.current().orElse(null);
    String own = headers.getFirst(OutboundHeader.NAME);
    boolean judged = own == null || own.equals(OutboundHeader.valueFor(hosts, token, uri));
    URI hopUri = uri;
    HttpMethod hopMethod = method;
    byte[] hopBody = body == null ? null : body.toByteArray();
    int redirects = 0;
    while (true) {
      ClientHttpResponse response = send(headers, token, judged, hopUri, hopMethod, hopBody);
      int status = response.getStatusCode().value();
      if (policy == HttpClient.Redirect.NEVER || !JdkRedirectRules.isRedirect(status)) {
        return response;
      }
      URI next = nextUri(response, hopUri);
      if (!JdkRedirectRules.follows(policy, hopUri, next) || ++redirects >= JdkRedirectRules.RETRY_LIMIT) {
        return response;
      }
      response.close();
      hopBody = JdkRedirectRules.keepsBody(status, hopMethod) ? hopBody : null;
      hopMethod = JdkRedirectRules.nextMethod(status, hopMethod);
      hopUri = next;
    }
  }

  /** Where a redirect points; without a {@code Location}, the JDK's failure, as Spring passes it on. */
  private static URI nextUri(ClientHttpResponse response, URI from) throws IOException {
    try {
      return JdkRedirectRules.target(from, response.getHeaders().getFirst(HttpHeaders.LOCATION));
    } catch (UncheckedIOException e) {
      response.close();
      throw e.getCause();
    }
  }

  /**
   * One hop: the call's headers and body, the token header judged for the hop's host when it is OpenReplay's to set
   * ({@code judged}).
   */
  private ClientHttpResponse send(HttpHeaders headers, SessionToken token, boolean judged, URI hopUri,
      HttpMethod hopMethod, byte[] hopBody) throws IOException {
    ClientHttpRequest hop = hops.createRequest(hopUri, hopMethod);
    hop.getHeaders().putAll(headers);
    if (judged) {
      hop.getHeaders().remove(OutboundHeader.NAME);
      String value = OutboundHeader.valueFor(hosts, token, hopUri);
      if (value != null) {
        hop.getHeaders().set(OutboundHeader.NAME, value);
      }
    }
    if (hopBody != null) {
      hop.getBody().write(hopBody);
    }
    return hop.execute();
  }
}
