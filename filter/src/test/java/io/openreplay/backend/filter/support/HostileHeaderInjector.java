package io.openreplay.backend.filter.support;

import io.openreplay.backend.testing.Tokens;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Mapped in front of the OpenReplay filter: for a request with {@code ?hostile=K} it makes every token header carry
 * the K-th value of {@link Tokens#rejectedCorpus()}, including values (CR, LF, NUL, 1 MB) no HTTP/1.1 parser lets
 * through, as a broken proxy or another protocol's decoder might.
 */
public class HostileHeaderInjector implements Filter {

  private static final List<String> CORPUS = Tokens.rejectedCorpus();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String index = request.getParameter("hostile");
    if (index == null) {
      chain.doFilter(request, response);
      return;
    }
    String value = CORPUS.get(Integer.parseInt(index));
    chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
      private boolean tokenHeader(String name) {
        return name.equalsIgnoreCase("X-OpenReplay-SessionToken") || name.equalsIgnoreCase("X-OpenReplay-Session-Token")
            || name.equalsIgnoreCase("openReplaySession.id");
      }

      @Override
      public String getHeader(String name) {
        return tokenHeader(name) ? value : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return tokenHeader(name) ? Collections.enumeration(List.of(value, value)) : super.getHeaders(name);
      }
    }, response);
  }
}
