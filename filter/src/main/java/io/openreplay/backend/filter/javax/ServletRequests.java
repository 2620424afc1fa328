package io.openreplay.backend.filter.javax;

import io.openreplay.backend.filter.core.RequestAccess;
import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/** Reads {@code javax.servlet} requests for the shared request logic. */
final class ServletRequests implements RequestAccess<ServletRequest> {

  static final ServletRequests INSTANCE = new ServletRequests();

  private ServletRequests() {
  }

  @Override
  public Enumeration<String> headers(ServletRequest request, String name) {
    return request instanceof HttpServletRequest ? ((HttpServletRequest) request).getHeaders(name) : null;
  }

  @Override
  public Object attribute(ServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(ServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public boolean isAsyncStarted(ServletRequest request) {
    return request.isAsyncStarted();
  }
}
