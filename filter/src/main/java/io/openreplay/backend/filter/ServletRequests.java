package io.openreplay.backend.filter;

import io.openreplay.backend.filter.core.RequestAccess;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/** Reads {@code jakarta.servlet} requests for the shared request logic. */
final class ServletRequests implements RequestAccess<ServletRequest> {

  static final ServletRequests INSTANCE = new ServletRequests();

  private ServletRequests() {
  }

  @Override
  public String header(ServletRequest request, String name) {
    return request instanceof HttpServletRequest ? ((HttpServletRequest) request).getHeader(name) : null;
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

  @Override
  public boolean isRequestDispatch(ServletRequest request) {
    return request.getDispatcherType() == DispatcherType.REQUEST;
  }

  @Override
  public ServletRequest wrapped(ServletRequest request) {
    return request instanceof ServletRequestWrapper ? ((ServletRequestWrapper) request).getRequest() : null;
  }
}
