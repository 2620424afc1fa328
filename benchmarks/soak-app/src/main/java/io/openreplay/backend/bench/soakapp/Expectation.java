package io.openreplay.backend.bench.soakapp;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the logged events of one request must carry, as the soak's client sends it beside the OpenReplay header:
 * {@value #TOKEN_HEADER} and {@value #SESSION_ID_HEADER}. The application reads them only to log them; the token
 * itself reaches the events through the agent or the filter.
 *
 * @param token the token the events must carry, or {@link #NONE}
 * @param sessionId the session id the events must carry, or {@link #NONE}
 * @param origin what the units' names start with: empty for a request's, {@value #BACKGROUND} for work outside any
 *     request
 */
public record Expectation(String token, String sessionId, String origin) {

  /** The header with the expected token. */
  public static final String TOKEN_HEADER = "X-Soak-Expect-Token";
  /** The header with the expected session id. */
  public static final String SESSION_ID_HEADER = "X-Soak-Expect-Session-Id";
  /** What stands for "no value" in the logged expectation. */
  public static final String NONE = "-";
  /** The start of the names of units done outside any request. */
  public static final String BACKGROUND = "background ";
  /** Work outside any request: no token, no session id. */
  static final Expectation OUTSIDE_REQUESTS = new Expectation(NONE, NONE, BACKGROUND);

  /**
   * A request's expectation.
   *
   * @param token the token the events must carry, or {@link #NONE}
   * @param sessionId the session id the events must carry, or {@link #NONE}
   */
  public Expectation(String token, String sessionId) {
    this(token, sessionId, "");
  }

  /**
   * @param request the request, as first dispatched or as dispatched again
   * @return what its events must carry
   */
  static Expectation of(HttpServletRequest request) {
    return new Expectation(orNone(request.getHeader(TOKEN_HEADER)), orNone(request.getHeader(SESSION_ID_HEADER)));
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  /**
   * @param logged a value as logged
   * @return the value, or {@code null} for {@link #NONE}
   */
  static String valueOf(Object logged) {
    String value = String.valueOf(logged);
    return NONE.equals(value) ? null : value;
  }
}
