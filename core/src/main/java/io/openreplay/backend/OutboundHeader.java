package io.openreplay.backend;

/**
 * The header an outgoing call carries the token in, so that the service it calls (running this library or the
 * agent) tags its own errors with the same session: {@value #NAME}, whose value is the token as it was received, or
 * the bare session id when only that was received. Nothing else is ever forwarded, and only a value that passed
 * {@link SessionToken}'s rule can be forwarded.
 *
 * <p>Needs only the JDK; the HTTP client integrations of the library (with {@link OutboundHosts#configured()} and
 * {@link OpenReplayContext#current()}) and of the agent all call it.
 */
public final class OutboundHeader {

  /** The header's name: the first of {@link HeaderNames#DEFAULT}, which every service of this project reads. */
  public static final String NAME = "X-OpenReplay-SessionToken";

  private OutboundHeader() {
  }

  /**
   * The header's value for a call, when it may carry one.
   *
   * @param hosts the allow-list
   * @param token the token of the request being served, possibly {@code null}
   * @param scheme the call's scheme
   * @param host the call's host
   * @param port the call's port, negative for the scheme's default
   * @return the value, or {@code null} when there is no token or the host is not allowed
   */
  public static String valueFor(OutboundHosts hosts, SessionToken token, String scheme, String host, int port) {
    if (token == null || !hosts.allows(scheme, host, port)) {
      return null;
    }
    return valueOf(token);
  }

  /**
   * The header's value for a call, when it may carry one.
   *
   * @param hosts the allow-list
   * @param token the token of the request being served, possibly {@code null}
   * @param uri the call's URI, possibly {@code null}
   * @return the value, or {@code null} when there is no token or the host is not allowed
   */
  public static String valueFor(OutboundHosts hosts, SessionToken token, java.net.URI uri) {
    return uri == null ? null : valueFor(hosts, token, uri.getScheme(), uri.getHost(), uri.getPort());
  }

  /**
   * The value a token is forwarded as.
   *
   * @param token a token that passed the rule
   * @return its token, or its bare session id when it has no token
   */
  public static String valueOf(SessionToken token) {
    return token.token() != null ? token.token() : token.sessionId();
  }
}
