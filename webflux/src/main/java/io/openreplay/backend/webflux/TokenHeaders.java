package io.openreplay.backend.webflux;

import io.openreplay.backend.HeaderNames;
import io.openreplay.backend.SessionToken;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * The request headers that carry the token, in order of preference, read from Spring's {@link HttpHeaders} by the
 * rule the servlet filter applies too ({@link io.openreplay.backend.TokenHeaders}): the first configured name that
 * has a valid value wins; of repeated headers of one name, the first valid value wins (at most 16 are looked at);
 * invalid values are ignored and the request proceeds untouched.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenHeaders {

  /** The header names OpenReplay's tracker and documentation use ({@link HeaderNames#DEFAULT}). */
  public static final TokenHeaders DEFAULT = new TokenHeaders(io.openreplay.backend.TokenHeaders.DEFAULT);

  /** Whether a failure to read the headers has been told; it is told once. */
  private static final AtomicBoolean FAILURE_TOLD = new AtomicBoolean();

  private final io.openreplay.backend.TokenHeaders rule;

  private TokenHeaders(io.openreplay.backend.TokenHeaders rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The header names of a configuration value.
   *
   * @param value the names, comma-separated, in order of preference (blanks trimmed, empty entries and repeats
   *     dropped); {@code null} or blank for {@link #DEFAULT}
   * @return the headers
   */
  public static TokenHeaders of(String value) {
    io.openreplay.backend.TokenHeaders rule = io.openreplay.backend.TokenHeaders.configured(value);
    return rule == io.openreplay.backend.TokenHeaders.DEFAULT ? DEFAULT : new TokenHeaders(rule);
  }

  /**
   * The configured header names.
   *
   * @return an immutable list, in order of preference
   */
  public List<String> names() {
    return rule.names();
  }

  /**
   * The request's token.
   *
   * @param headers the request's headers
   * @return the first valid value, by configured name then by arrival order, or {@code null} when there is none
   */
  public SessionToken find(HttpHeaders headers) {
    return rule.find(headers, HttpHeadersReader.INSTANCE);
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

  @Override
  public String toString() {
    return rule.toString();
  }
}
