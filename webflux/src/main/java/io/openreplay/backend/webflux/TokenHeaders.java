package io.openreplay.backend.webflux;

import io.openreplay.backend.HeaderNames;
import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
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
   * @param headers the request's headers
   * @return the first valid value, by configured name then by arrival order, or {@code null} when there is none
   */
  public SessionToken find(HttpHeaders headers) {
    for (String name : names) {
      List<String> values = headers.get(name);
      if (values == null) {
        continue;
      }
      int limit = Math.min(values.size(), MAX_VALUES_PER_NAME);
      for (int i = 0; i < limit; i++) {
        SessionToken token = SessionToken.parseOrNull(values.get(i));
        if (token != null) {
          return token;
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return String.join(", ", names);
  }
}
