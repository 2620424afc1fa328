package io.openreplay.backend.okhttp;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import java.io.IOException;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor that adds {@value OutboundHeader#NAME} with the token of the request being served to calls
 * to the hosts of the allow-list. Add it as a <em>network</em> interceptor,
 * {@code new OkHttpClient.Builder().addNetworkInterceptor(new OpenReplayInterceptor())}: it then sees every request
 * that goes on the wire, each redirect's included, and adds the header only where that request goes to a listed
 * host. Added as an application interceptor ({@code addInterceptor}), which OkHttp runs once per call before it
 * follows the call's redirects and copies the call's headers to wherever they point, it adds nothing (it tells
 * the two apart by {@link Chain#connection()}, which only a network interceptor's chain has).
 *
 * <p>The token is the request's tag of type {@link SessionToken} when it has one, else
 * {@link OpenReplayContext#current()} on the thread that runs the interceptor: the calling thread for
 * {@code execute()}, OkHttp's dispatcher thread for {@code enqueue()}. For {@code enqueue()} tag the request with the
 * token of the calling thread, {@code .tag(SessionToken.class, OpenReplayContext.current().orElse(null))}.
 *
 * <p>Nothing is added when there is no token, when the host is not on the list, or when the request already has the
 * header (it is sent as the application set it).
 */
public final class OpenReplayInterceptor implements Interceptor {

  private final OutboundHosts hosts;

  /**
   * With the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set).
   */
  public OpenReplayInterceptor() {
    this(OutboundHosts.configured());
  }

  /**
   * With an allow-list of the application's.
   *
   * @param hosts the hosts the token may go to
   */
  public OpenReplayInterceptor(OutboundHosts hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header(OutboundHeader.NAME) != null || chain.connection() == null) {
      return chain.proceed(request);
    }
    SessionToken token = request.tag(SessionToken.class);
    if (token == null) {
      token = OpenReplayContext.current().orElse(null);
    }
    HttpUrl url = request.url();
    String value = OutboundHeader.valueFor(hosts, token, url.scheme(), url.host(), url.port());
    if (value == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(OutboundHeader.NAME, value).build());
  }
}
