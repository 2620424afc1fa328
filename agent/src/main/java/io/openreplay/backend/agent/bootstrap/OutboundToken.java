package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.OutboundHeader;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import java.net.URI;
import java.net.URL;

/**
 * What an outgoing HTTP call made on this thread carries: the header {@value #HEADER} with the current token (as
 * {@link OutboundHeader#valueOf(SessionToken)} forwards it), only while a token is current and only to a host of
 * the user's allow-list ({@link OutboundHosts#configured()}, empty by default). The HTTP client advice asks here and
 * adds the header itself, only to a request that does not carry it yet.
 */
public final class OutboundToken {

  /** The header's name. */
  public static final String HEADER = OutboundHeader.NAME;

  private OutboundToken() {
  }

  /**
   * The header's value for a call made now from this thread.
   *
   * @param scheme the call's scheme
   * @param host the call's host
   * @param port the call's port, negative for the scheme's default
   * @return the value, or {@code null} when no token is current or the host is not on the allow-list
   */
  public static String valueFor(String scheme, String host, int port) {
    SessionToken token = CurrentToken.get();
    if (token == null) {
      return null;
    }
    return OutboundHeader.valueFor(OutboundHosts.configured(), token, scheme, host, port);
  }

  /**
   * @param uri the call's URI, possibly {@code null}
   * @return the header's value for a call to it made now, or {@code null}
   */
  public static String valueFor(URI uri) {
    return uri == null ? null : valueFor(uri.getScheme(), uri.getHost(), uri.getPort());
  }

  /**
   * @param url the call's URL, possibly {@code null}
   * @return the header's value for a call to it made now, or {@code null}
   */
  public static String valueFor(URL url) {
    return url == null ? null : valueFor(url.getProtocol(), url.getHost(), url.getPort());
  }
}
