package io.openreplay.backend.webflux;

import io.openreplay.backend.HeaderNames;
import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * The request headers that carry the token, in order of preference, and the rule that picks a request's token from
 * them, as the servlet filter picks it: the first configured name that has a valid value wins; of repeated headers of
 * one name, the first valid value wins (at most {@value #MAX_VALUES_PER_NAME} are looked at); invalid values are
 * ignored and the request proceeds untouched.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenHeaders {

  /** The header names OpenReplay's tracker and documentation use ({@link HeaderNames#DEFAULT}). */
  public static final TokenHeaders DEFAULT = new TokenHeaders(HeaderNames.DEFAULT);

  /** How many values of one repeated header are looked at, at most; bounds the work a client can cause. */
  static final int MAX_VALUES_PER_NAME = 16;

  /** Whether a failure to read the headers has been told; it is told once. */
  private static final AtomicBoolean FAILURE_TOLD = new AtomicBoolean();

  private final String[] names;

  private TokenHeaders(List<String> names) {
    this.names = names.toArray(new String[0]);
  }

  /**
   * The header names of a configuration value.
   *
   * @param value the names, comma-separated, in order of preference (blanks trimmed, empty entries and repeats
   *     dropped); {@code null} or blank for {@link #DEFAULT}
   * @return the headers
   */
  public static TokenHeaders of(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    List<String> names = new ArrayList<>();
    for (String part : value.split(",")) {
      String name = part.trim();
      if (!name.isEmpty() && names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    return names.isEmpty() ? DEFAULT : new TokenHeaders(names);
  }

  /**
   * The configured header names.
   *
   * @return an immutable list, in order of preference
   */
  public List<String> names() {
    return List.of(names);
  }

  /**
   * The request's token.
   *
   * <p>Only methods that Spring Framework 6.2 and 7 both declare on {@link HttpHeaders} are called ({@code getFirst},
   * {@code forEach}): 7 no longer has 6's {@code get(Object)}.
   *
   * @param headers the request's headers
   * @return the first valid value, by configured name then by arrival order, or {@code null} when there is none
   */
  public SessionToken find(HttpHeaders headers) {
    for (String name : names) {
      String first = headers.getFirst(name);
      if (first == null) {
        continue;
      }
      SessionToken token = SessionToken.parseOrNull(first);
      if (token == null) {
        token = laterValue(headers, name);
      }
      if (token != null) {
        return token;
      }
    }
    return null;
  }

  /**
   * The request's token as {@link #find(HttpHeaders)} reads it, without ever failing the request: a failure (a Spring
   * version whose headers this library cannot read, for one) is told once, at WARN, and the request goes on without
   * a token.
   *
   * @param headers the request's headers
   * @return the token, or {@code null} when there is none or it could not be read
   */
  public SessionToken findOrNone(HttpHeaders headers) {
    try {
      return find(headers);
    } catch (RuntimeException | LinkageError failure) {
      if (FAILURE_TOLD.compareAndSet(false, true)) {
        LoggerFactory.getLogger(TokenHeaders.class).warn("OpenReplay: the token headers of WebFlux requests cannot be"
            + " read, requests go on without a token: {}", failure.toString());
      }
      return null;
    }
  }

  /** The first valid value of a repeated header whose first value is invalid (seldom: costs a pass over them all). */
  private static SessionToken laterValue(HttpHeaders headers, String name) {
    SessionToken[] found = new SessionToken[1];
    headers.forEach((key, values) -> {
      if (found[0] != null || !key.equalsIgnoreCase(name)) {
        return;
      }
      int limit = Math.min(values.size(), MAX_VALUES_PER_NAME);
      for (int i = 1; i < limit && found[0] == null; i++) {
        found[0] = SessionToken.parseOrNull(values.get(i));
      }
    });
    return found[0];
  }

  @Override
  public String toString() {
    return String.join(", ", names);
  }
}
