package io.openreplay.backend;

import io.openreplay.backend.internal.RateLimitedLog;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The request headers that carry the token, in order of preference, and the rule that picks a request's token
 * from them, for every kind of request (the servlet filter's, WebFlux's): the first configured name that has a
 * valid value wins; of repeated headers of one name, the first valid value wins (at most
 * {@value #MAX_VALUES_PER_NAME} are looked at); invalid values are ignored (at most one rate-limited debug line
 * says so, without the value).
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenHeaders {

  /** The header names OpenReplay's tracker and documentation use ({@link HeaderNames#DEFAULT}). */
  public static final TokenHeaders DEFAULT = new TokenHeaders(HeaderNames.DEFAULT);

  /** How many values of one repeated header are looked at, at most; bounds the work a client can cause. */
  static final int MAX_VALUES_PER_NAME = 16;

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(TokenHeaders.class), 60, TimeUnit.SECONDS);

  private final String[] names;

  private TokenHeaders(List<String> names) {
    this.names = names.toArray(new String[0]);
  }

  /**
   * The header names of a configuration value.
   *
   * @param values candidate configuration values (for instance the filter's init-parameter, then the
   *     context-param); the first one that is not {@code null} or blank is used
   * @return the names it lists (comma-separated, blanks trimmed, empty entries and case-insensitive repeats
   *     dropped), or {@link #DEFAULT} when no value lists a name
   */
  public static TokenHeaders configured(String... values) {
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String part : value.split(",")) {
        String name = part.trim();
        if (!name.isEmpty() && !containsIgnoreCase(names, name)) {
          names.add(name);
        }
      }
      if (!names.isEmpty()) {
        return new TokenHeaders(names);
      }
    }
    return DEFAULT;
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String existing : names) {
      if (existing.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The configured header names, in order of preference.
   *
   * @return an immutable list
   */
  public List<String> names() {
    return List.of(names);
  }

  /**
   * The request's token. Where the first value of each name is valid or absent, this reads one value per name and
   * allocates nothing but the token; all values of a name are read only when its first one is invalid.
   *
   * @param request the request
   * @param reader how to read its headers
   * @param <R> the request type
   * @return the first valid value, by configured name then by arrival order, or {@code null} when there is none
   */
  public <R> SessionToken find(R request, HeaderReader<R> reader) {
    for (String name : names) {
      String first = reader.header(request, name);
      if (first == null) {
        continue;
      }
      SessionToken token = SessionToken.parseOrNull(first);
      if (token == null) {
        ignored(name);
        token = laterValue(request, reader, name);
      }
      if (token != null) {
        return token;
      }
    }
    return null;
  }

  /** The first valid value after an invalid first one, of at most {@link #MAX_VALUES_PER_NAME} values. */
  private static <R> SessionToken laterValue(R request, HeaderReader<R> reader, String name) {
    Enumeration<String> values = reader.headers(request, name);
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    values.nextElement();
    int seen = 1;
    while (seen < MAX_VALUES_PER_NAME && values.hasMoreElements()) {
      seen++;
      SessionToken token = SessionToken.parseOrNull(values.nextElement());
      if (token != null) {
        return token;
      }
      ignored(name);
    }
    return null;
  }

  private static void ignored(String name) {
    LOG.debug("OpenReplay: ignored an invalid value of request header {} (only 1 to 256 characters of"
        + " [A-Za-z0-9._-] are accepted)", name);
  }

  @Override
  public String toString() {
    return String.join(", ", names);
  }
}
