package io.openreplay.backend.webflux;

import io.openreplay.backend.HeaderReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * Reads Spring's {@link HttpHeaders} for the core's token rule. Only methods that Spring Framework 6.2 and 7 both
 * declare on {@link HttpHeaders} are called ({@code getFirst}, {@code forEach}): 7 no longer has 6's
 * {@code get(Object)}.
 */
final class HttpHeadersReader implements HeaderReader<HttpHeaders> {

  static final HttpHeadersReader INSTANCE = new HttpHeadersReader();

  private HttpHeadersReader() {
  }

  @Override
  public String header(HttpHeaders headers, String name) {
    return headers.getFirst(name);
  }

  /** Seldom read (a first value that is not valid): costs a pass over all the headers. */
  @Override
  public Enumeration<String> headers(HttpHeaders headers, String name) {
    List<List<String>> found = new ArrayList<>(1);
    headers.forEach((key, values) -> {
      if (found.isEmpty() && key.equalsIgnoreCase(name)) {
        found.add(values);
      }
    });
    return found.isEmpty() ? null : Collections.enumeration(found.get(0));
  }
}
