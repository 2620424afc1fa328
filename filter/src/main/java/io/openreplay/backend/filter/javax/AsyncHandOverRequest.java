package io.openreplay.backend.filter.javax;

import io.openreplay.backend.SessionToken;
import javax.servlet.AsyncContext;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/** The request as the chain sees it: its asynchronous context hands the request's token to other threads. */
final class AsyncHandOverRequest extends HttpServletRequestWrapper {

  private final SessionToken token;

  AsyncHandOverRequest(HttpServletRequest request, SessionToken token) {
    super(request);
    this.token = token;
  }

  @Override
  public AsyncContext startAsync() {
    return HandOverAsyncContext.of(super.startAsync(), token);
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    return HandOverAsyncContext.of(super.startAsync(request, response), token);
  }

  @Override
  public AsyncContext getAsyncContext() {
    return HandOverAsyncContext.of(super.getAsyncContext(), token);
  }
}
