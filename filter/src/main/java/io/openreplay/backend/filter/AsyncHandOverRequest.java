package io.openreplay.backend.filter;

import io.openreplay.backend.SessionToken;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

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
