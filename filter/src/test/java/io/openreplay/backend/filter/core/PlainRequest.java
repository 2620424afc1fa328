package io.openreplay.backend.filter.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request outside any container: headers (names case-insensitive), attributes and an async flag. */
final class PlainRequest {

  static final RequestAccess<PlainRequest> ACCESS = new RequestAccess<>() {
    @Override
    public String header(PlainRequest request, String name) {
      List<String> values = request.headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> headers(PlainRequest request, String name) {
      return Collections.enumeration(request.headers.getOrDefault(name, List.of()));
    }

    @Override
    public Object attribute(PlainRequest request, String name) {
      return request.attributes.get(name);
    }

    @Override
    public void setAttribute(PlainRequest request, String name, Object value) {
      request.attributes.put(name, value);
    }

    @Override
    public boolean isAsyncStarted(PlainRequest request) {
      return request.asyncStarted;
    }

    @Override
    public boolean isRequestDispatch(PlainRequest request) {
      return request.requestDispatch;
    }

    @Override
    public PlainRequest wrapped(PlainRequest request) {
      return request.wrapped;
    }
  };

  final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final Map<String, Object> attributes = new HashMap<>();
  boolean asyncStarted;
  /** Whether the entries see the request's own dispatch ({@code REQUEST}), not a later one. */
  boolean requestDispatch = true;
  /** The request this one wraps, or {@code null}. */
  PlainRequest wrapped;

  PlainRequest header(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }
}
