package io.openreplay.backend.filter;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.filter.core.AttachOnce;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** An asynchronous context whose tasks and listeners run with the request's token. */
final class HandOverAsyncContext implements AsyncContext {

  private final AsyncContext delegate;
  private final SessionToken token;

  private HandOverAsyncContext(AsyncContext delegate, SessionToken token) {
    this.delegate = delegate;
    this.token = token;
  }

  static AsyncContext of(AsyncContext delegate, SessionToken token) {
    if (delegate == null || delegate instanceof HandOverAsyncContext) {
      return delegate;
    }
    return new HandOverAsyncContext(delegate, token);
  }

  @Override
  public void start(Runnable run) {
    delegate.start(AttachOnce.bind(token, run));
  }

  @Override
  public void addListener(AsyncListener listener) {
    delegate.addListener(new HandOverAsyncListener(listener, token));
  }

  @Override
  public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
    delegate.addListener(new HandOverAsyncListener(listener, token), request, response);
  }

  @Override
  public ServletRequest getRequest() {
    return delegate.getRequest();
  }

  @Override
  public ServletResponse getResponse() {
    return delegate.getResponse();
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return delegate.hasOriginalRequestAndResponse();
  }

  @Override
  public void dispatch() {
    delegate.dispatch();
  }

  @Override
  public void dispatch(String path) {
    delegate.dispatch(path);
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    delegate.dispatch(context, path);
  }

  @Override
  public void complete() {
    delegate.complete();
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
    return delegate.createListener(type);
  }

  @Override
  public void setTimeout(long timeout) {
    delegate.setTimeout(timeout);
  }

  @Override
  public long getTimeout() {
    return delegate.getTimeout();
  }
}
