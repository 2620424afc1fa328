package io.openreplay.backend.httpclient;

import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that sends {@value OutboundHeader#NAME} with the token of the request being served
 * ({@link OpenReplayContext#current()} on the calling thread) on each {@code send} and {@code sendAsync} to a host of
 * the allow-list, and is otherwise the client it wraps: same connections, settings and answers.
 *
 * <p>Nothing is added when no token is current, when the host is not on the list, or when the request already has
 * the header (it is sent as the application set it). A client that follows redirects
 * ({@link HttpClient#followRedirects()} other than {@code NEVER}, which is the JDK's default) never gets the header
 * added: the JDK client would copy it to wherever a redirect points, a host the list may not hold.
 *
 * <pre>{@code
 * HttpClient client = OpenReplayHttpClient.wrap(HttpClient.newHttpClient());
 * }</pre>
 */
public final class OpenReplayHttpClient extends HttpClient implements AutoCloseable {

  private final HttpClient delegate;
  private final OutboundHosts hosts;

  private OpenReplayHttpClient(HttpClient delegate, OutboundHosts hosts) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  /**
   * Wraps a client with the configured allow-list ({@link OutboundHosts#configured()}: the system property
   * {@value OutboundHosts#PROPERTY} or the variable {@value OutboundHosts#VARIABLE}, empty when neither is set).
   *
   * @param client the application's client
   * @return the client that carries the token to the listed hosts
   */
  public static HttpClient wrap(HttpClient client) {
    return wrap(client, OutboundHosts.configured());
  }

  /**
   * Wraps a client with an allow-list of the application's.
   *
   * @param client the application's client
   * @param hosts the hosts the token may go to
   * @return the client that carries the token to the listed hosts
   */
  public static HttpClient wrap(HttpClient client, OutboundHosts hosts) {
    return new OpenReplayHttpClient(client, hosts);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
      throws IOException, InterruptedException {
    return delegate.send(carrying(request), responseBodyHandler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler) {
    return delegate.sendAsync(carrying(request), responseBodyHandler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return delegate.sendAsync(carrying(request), responseBodyHandler, pushPromiseHandler);
  }

  private HttpRequest carrying(HttpRequest request) {
    if (request == null || request.headers().firstValue(OutboundHeader.NAME).isPresent()
        || delegate.followRedirects() != Redirect.NEVER) {
      return request;
    }
    String value = OutboundHeader.valueFor(hosts, OpenReplayContext.current().orElse(null), request.uri());
    if (value == null) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, headerValue) -> true).header(OutboundHeader.NAME, value).build();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  /**
   * The wrapped client's {@code shutdown()} (Java 21 and later); nothing on older Java.
   */
  public void shutdown() {
    invokeWithoutWaiting("shutdown");
  }

  /**
   * The wrapped client's {@code shutdownNow()} (Java 21 and later); nothing on older Java.
   */
  public void shutdownNow() {
    invokeWithoutWaiting("shutdownNow");
  }

  /**
   * The wrapped client's {@code isTerminated()} (Java 21 and later).
   *
   * @return its answer; {@code false} on older Java
   */
  public boolean isTerminated() {
    return Boolean.TRUE.equals(invokeWithoutWaiting("isTerminated"));
  }

  /**
   * The wrapped client's {@code awaitTermination(Duration)} (Java 21 and later).
   *
   * @param duration the longest wait
   * @return its answer; {@code true} on older Java, which has nothing to wait for
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    Object terminated = invoke("awaitTermination", new Class<?>[] {Duration.class},
        Objects.requireNonNull(duration, "duration"));
    return terminated == null || Boolean.TRUE.equals(terminated);
  }

  /**
   * The wrapped client's {@code close()} (Java 21 and later, where an {@link HttpClient} is {@link AutoCloseable});
   * nothing on older Java.
   */
  @Override
  public void close() {
    invokeWithoutWaiting("close");
  }

  private Object invokeWithoutWaiting(String name) {
    try {
      return invoke(name, new Class<?>[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A public method of {@link HttpClient} that Java 17 lacks, on the wrapped client; {@code null} without it. */
  private Object invoke(String name, Class<?>[] types, Object... arguments) throws InterruptedException {
    Method method;
    try {
      method = HttpClient.class.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      return null;
    }
    try {
      return method.invoke(delegate, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) {
        throw (InterruptedException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "OpenReplayHttpClient[" + delegate + ", hosts=" + hosts + "]";
  }
}
