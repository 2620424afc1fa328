package io.openreplay.backend.httpclient5;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import java.io.IOException;
import java.util.Objects;
import org.apache.hc.client5.http.RouteInfo;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;

/**
 * An Apache HttpClient 5 request interceptor, for classic and async clients alike, that adds
 * {@value OutboundHeader#NAME} with the token of the request being served ({@link OpenReplayContext#current()} on
 * the thread that runs it) to calls to the hosts of the allow-list:
 * {@code HttpClients.custom().addRequestInterceptorLast(new OpenReplayRequestInterceptor())}.
 *
 * <p>An async client runs its request interceptors on its I/O threads, where the request being served is not
 * current: register the same instance as the first handler of its exec chain too, which runs on the calling thread
 * and keeps the token in the exchange's context for the interceptor:
 * <pre>{@code
 * OpenReplayRequestInterceptor openReplay = new OpenReplayRequestInterceptor();
 * HttpAsyncClients.custom().addExecInterceptorFirst("openreplay", openReplay).addRequestInterceptorLast(openReplay)
 * }</pre>
 *
 * <p>Nothing is added when no token is current, when the host is not on the list, or when the request already has
 * the header (it is sent as the application set it). The client runs interceptors again for each redirect: a header
 * this interceptor added is taken off again when a redirect leads to a host not on the list.
 */
public final class OpenReplayRequestInterceptor implements HttpRequestInterceptor, AsyncExecChainHandler {

  /** The context attribute of the value this interceptor added in an exchange. */
  static final String ADDED = OpenReplayRequestInterceptor.class.getName() + ".added";
  /** The context attribute of the token current where an async exchange was started. */
  static final String TOKEN = OpenReplayRequestInterceptor.class.getName() + ".token";

  private final OutboundHosts hosts;

  /**
   * With the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set).
   */
  public OpenReplayRequestInterceptor() {
    this(OutboundHosts.configured());
  }

  /**
   * With an allow-list of the application's.
   *
   * @param hosts the hosts the token may go to
   */
  public OpenReplayRequestInterceptor(OutboundHosts hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  /**
   * As the first handler of an async client's exec chain, on the thread that calls {@code execute}: keeps the token
   * current there (or that there is none) in the exchange's context, where {@link #process} finds it on the client's
   * I/O thread; a context the application passes to several calls never carries one call's token to the next.
   */
  @Override
  public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
      AsyncExecChain chain, AsyncExecCallback asyncExecCallback) throws HttpException, IOException {
    SessionToken token = OpenReplayContext.current().orElse(null);
    scope.clientContext.removeAttribute(ADDED);
    if (token != null) {
      scope.clientContext.setAttribute(TOKEN, token);
    } else {
      scope.clientContext.removeAttribute(TOKEN);
    }
    chain.proceed(request, entityProducer, scope, asyncExecCallback);
  }

  @Override
  public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
    String scheme = request.getScheme();
    String host = null;
    int port = -1;
    URIAuthority authority = request.getAuthority();
    if (authority != null) {
      host = authority.getHostName();
      port = authority.getPort();
    } else {
      HttpHost target = targetOf(context);
      if (target != null) {
        scheme = target.getSchemeName();
        host = target.getHostName();
        port = target.getPort();
      }
    }
    Header present = request.getFirstHeader(OutboundHeader.NAME);
    if (present != null) {
      Object added = context == null ? null : context.getAttribute(ADDED);
      if (added != null && added.equals(present.getValue()) && !hosts.allows(scheme, host, port)) {
        request.removeHeaders(OutboundHeader.NAME);
      }
      return;
    }
    String value = OutboundHeader.valueFor(hosts, tokenOf(context), scheme, host, port);
    if (value != null) {
      request.addHeader(OutboundHeader.NAME, value);
      if (context != null) {
        context.setAttribute(ADDED, value);
      }
    }
  }

  private static SessionToken tokenOf(HttpContext context) {
    Object kept = context == null ? null : context.getAttribute(TOKEN);
    return kept instanceof SessionToken ? (SessionToken) kept : OpenReplayContext.current().orElse(null);
  }

  private static HttpHost targetOf(HttpContext context) {
    if (context == null) {
      return null;
    }
    RouteInfo route = HttpClientContext.castOrCreate(context).getHttpRoute();
    return route == null ? null : route.getTargetHost();
  }
}
